import { randomBytes } from 'node:crypto';
import type {
  CommunitySummary,
  OrderContactDoc,
  OrderDoc,
  OrderInput,
  OrderView,
  ResidentDoc,
  ResidentProfileView,
} from '../../types';
import { ORDER_LIMITS } from '../../types/limits';
import { newOrderDoc } from '../../domain/orders';
import { AppError } from '../_shared/errors';
import { isTextRisky } from '../_shared/sdk';
import { checkPhotos } from '../record/photos';
import { type Viewer, oneOrderView } from './views';

const DAY = 86_400_000;

/** A fresh document id. */
export function newId(): string {
  return randomBytes(12).toString('hex');
}

/** The resident's own profile, in full (it is theirs). */
export function profileView(resident: ResidentDoc, community: CommunitySummary): ResidentProfileView {
  return {
    name: resident.name,
    phone: resident.phone,
    communityId: resident.communityId,
    compound: resident.compound,
    building: resident.building,
    unit: resident.unit,
    room: resident.room,
    community,
    updatedAt: resident.updatedAt,
  };
}

/** A bare number gets its word (3 → 3栋), so the door reads as people write it: 3栋2单元501. */
function withWord(part: string, word: string): string {
  return /^\d+$/.test(part) ? `${part}${word}` : part;
}

/** 楼栋、单元、房号 written out for the taker: 3栋2单元501. */
export function doorOf(address: { building: string; unit: string; room: string }): string {
  return `${withWord(address.building, '栋')}${withWord(address.unit, '单元')}${address.room}`;
}

/**
 * The checks every new request passes, cheapest first: wanted after now and within the limit, the poster's own photos,
 * and the platform's content check of the text (as `openid`).
 */
export async function checkRequest(input: OrderInput, openid: string, now: number): Promise<void> {
  if (input.wantedBy <= now) throw new AppError('WANTED_IN_PAST');
  if (input.wantedBy > now + ORDER_LIMITS.wantedMaxDays * DAY) {
    throw new AppError('INVALID_INPUT', `希望完成的时间最多选${ORDER_LIMITS.wantedMaxDays}天以内`);
  }
  await checkPhotos(input.photos);
  if (await isTextRisky(openid, input.text)) throw new AppError('CONTENT_RISKY');
}

/** A new request as posted; `p` gives who, where and in which state. */
export function newOrder(
  input: OrderInput,
  now: number,
  p: Pick<
    OrderDoc,
    'communityId' | 'compound' | 'residentId' | 'onBehalf' | 'status' | 'publishedAt' | 'reviewedBy' | 'reviewedByName'
  >,
): OrderDoc {
  return newOrderDoc({
    _id: newId(),
    kind: input.kind,
    text: input.text,
    wantedBy: input.wantedBy,
    photos: input.photos,
    ...p,
    createdAt: now,
  });
}

/** The contact of a request: who to call and which door. */
export function contactOf(
  order: OrderDoc,
  who: { name: string; phone: string; building: string; unit: string; room: string },
): OrderContactDoc {
  return { _id: order._id, communityId: order.communityId, name: who.name, phone: who.phone, address: doorOf(who) };
}

/** A request of the staff member's community, read as given; another community's is not found (its existence is not told). */
export function ofCommunity(order: OrderDoc | null, communityId: string): OrderDoc {
  if (!order || order.communityId !== communityId) throw new AppError('ORDER_NOT_FOUND');
  return order;
}

/** Staff of `communityId` as a viewer (no member standing needed for what staff's answers show). */
export function staffViewer(openid: string, communityId: string): Viewer {
  return { openid, staffCommunityId: communityId, memberCommunityId: null };
}

/** The view of one request for staff of its community. */
export function staffView(order: OrderDoc, openid: string): Promise<OrderView> {
  return oneOrderView(order, staffViewer(openid, order.communityId));
}
