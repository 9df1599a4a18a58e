import type {
  CheckInDoc,
  CollectionName,
  Collections,
  CommunityDoc,
  MemberDoc,
  ServiceCardDoc,
  UnitDoc,
  UserDoc,
} from '../../types';
import type { ActivityDoc, OrderDoc, PostDoc } from '../../types';
import { newOrderDoc } from '../../domain/orders';

/** One moment for every fixture, so that tests can compare against it. */
export const NOW = Date.now();

export function aCommunity(p: Partial<CommunityDoc> = {}): CommunityDoc {
  return {
    _id: 'C01',
    name: '东街社区',
    county: '红旗县',
    street: '城关镇',
    address: '东街 1 号',
    createdAt: NOW,
    ...p,
  };
}

export function aUnit(p: Partial<UnitDoc> = {}): UnitDoc {
  return { _id: 'U01', name: '县财政局', county: '红旗县', createdAt: NOW, ...p };
}

/** A person with granted roles (none unless given). */
export function aUser(p: Partial<UserDoc> = {}): UserDoc {
  return { _id: 'user', name: '李社工', grants: [], createdAt: NOW, updatedAt: NOW, ...p };
}

/** A confirmed member of U01, not checked in, unless told otherwise. */
export function aMember(p: Partial<MemberDoc> = {}): MemberDoc {
  return {
    _id: 'member',
    name: '张建国',
    phone: '13812341234',
    unitId: 'U01',
    skills: [],
    willingness: ['维修'],
    pledge: '每月为社区做一件实事',
    pledgePublic: false,
    status: 'verified',
    registeredAt: NOW,
    unitJoinedAt: NOW,
    updatedAt: NOW,
    ...p,
  };
}

export function aCheckIn(p: Partial<CheckInDoc> = {}): CheckInDoc {
  return {
    _id: 'check-in',
    memberId: 'member',
    unitId: 'U01',
    communityId: 'C01',
    status: 'active',
    checkedInAt: NOW,
    ...p,
  };
}

export function aServiceCard(p: Partial<ServiceCardDoc> = {}): ServiceCardDoc {
  return { _id: 'HX20260100001', memberId: 'member', communityId: 'C01', issuedAt: NOW, ...p };
}

/** An open post of C01 with five places, its last day a week from NOW. */
export function aPost(p: Partial<PostDoc> = {}): PostDoc {
  return {
    _id: 'post',
    communityId: 'C01',
    kind: '环境维护岗',
    duty: '每周清理小区楼道杂物',
    forWhom: '东街社区居民',
    capacity: 5,
    until: NOW + 7 * 86_400_000,
    status: 'open',
    claimCount: 0,
    createdBy: 'staff-C01',
    createdAt: NOW,
    updatedAt: NOW,
    ...p,
  };
}

/**
 * A request (点单) of C01 as stored, written straight to the database: `submitted` at NOW by `resident`, wanted two
 * days later; `p` sets the state a test needs (pass `updatedAt` with `createdAt`).
 */
export function aStoredOrder(p: Partial<OrderDoc> & Pick<OrderDoc, '_id'>): OrderDoc {
  return newOrderDoc({
    communityId: 'C01',
    kind: '生活帮扶',
    text: '帮忙买一袋大米送上楼',
    wantedBy: NOW + 2 * 86_400_000,
    photos: [],
    compound: '幸福小区',
    residentId: 'resident',
    onBehalf: null,
    status: 'submitted',
    createdAt: NOW,
    updatedAt: NOW,
    ...p,
  });
}

/** A scheduled hour-long activity of C01 starting an hour from NOW, with twenty places. */
export function anActivity(p: Partial<ActivityDoc> = {}): ActivityDoc {
  return {
    _id: 'activity',
    communityId: 'C01',
    title: '清理楼道杂物',
    place: '东街1号院',
    startsAt: NOW + 3_600_000,
    endsAt: NOW + 7_200_000,
    geo: null,
    capacity: 20,
    postId: null,
    codeSeconds: 10,
    signUpCount: 0,
    status: 'scheduled',
    createdBy: 'staff-C01',
    createdAt: NOW,
    updatedAt: NOW,
    ...p,
  };
}

/** A database a fixture can be written to (the SDK's, as the test cloud gives it). */
interface Writable {
  collection(name: string): { add(options: { data: unknown }): Promise<unknown> };
}

/** Writes documents straight into a collection, typed by that collection. */
export async function insert<C extends CollectionName>(
  db: Writable,
  name: C,
  ...documents: Array<Collections[C]>
): Promise<void> {
  for (const data of documents) await db.collection(name).add({ data });
}
