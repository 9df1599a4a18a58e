import type { BoardOrder, MemberDoc, OrderDoc, PledgeView } from '../../types';
import { maskPhone } from '../../domain/privacy';
import { removedUnit } from '../_shared/views';

/** The first screenful of each list; the counts are the whole. */
export const BOARD_LIMITS = { posts: 20, pledges: 50, published: 20, recentlyDone: 10 } as const;

/** A request as the board shows it: kind, text, compound and times — never the resident, the door or the phone. */
export function boardOrder(order: OrderDoc): BoardOrder {
  const done = order.status === 'rated';
  return {
    id: order._id,
    kind: order.kind,
    text: order.text,
    compound: order.compound,
    wantedBy: order.wantedBy,
    at: done ? (order.rating?.at ?? order.doneAt ?? order.updatedAt) : (order.publishedAt ?? order.createdAt),
    stars: done ? (order.rating?.stars ?? null) : null,
  };
}

/** A member's pledge as the board shows it (only for those who consented): the phone masked. */
export function pledgeView(member: MemberDoc, unitNames: Map<string, string>): PledgeView {
  return {
    name: member.name,
    unitName: unitNames.get(member.unitId) ?? removedUnit(member.unitId).name,
    skills: member.skills,
    pledge: member.pledge,
    phoneMasked: maskPhone(member.phone),
  };
}
