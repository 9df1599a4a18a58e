import type { CommunityDoc, CommunitySummary, MemberDoc, UnitDoc, UnitMemberRow, UnitSummary } from '../../types';
import { maskPhone } from '../../domain/privacy';
import { daysBetween } from '../../domain/time';

export const RECENT_DAYS = 30;

export function communitySummary(doc: CommunityDoc): CommunitySummary {
  return { id: doc._id, name: doc.name, street: doc.street };
}

export function unitSummary(doc: UnitDoc): UnitSummary {
  return { id: doc._id, name: doc.name };
}

/** A community that was removed after something came to name it. */
export function removedCommunity(id: string): CommunitySummary {
  return { id, name: '已撤销的社区', street: '' };
}

/** A unit that was removed after something came to name it. */
export function removedUnit(id: string): UnitSummary {
  return { id, name: '（单位已撤销）' };
}

/** Confirmed once, then changed name, phone or unit: waiting for the unit admin to confirm again. */
export function awaitsReconfirmation(member: MemberDoc): boolean {
  return member.status === 'unverified' && member.changedAfterVerifyAt !== undefined;
}

function memberFlag(member: MemberDoc, now: number): UnitMemberRow['flag'] {
  if (member.status === 'deleted') return 'deleted';
  // A change of unit resets unitJoinedAt to the moment of the change: the new unit admin sees it as a transfer.
  if (awaitsReconfirmation(member) && (member.changedAfterVerifyAt ?? 0) > member.unitJoinedAt) return 'changed';
  if (daysBetween(member.unitJoinedAt, now) >= RECENT_DAYS) return null;
  return member.previousUnitId ? 'transferred' : 'new';
}

export function memberRow(member: MemberDoc, communities: Map<string, CommunitySummary>, now: number): UnitMemberRow {
  return {
    memberId: member._id,
    name: member.name,
    phoneMasked: member.status === 'deleted' ? '' : maskPhone(member.phone),
    status: member.status,
    registeredAt: member.registeredAt,
    flag: memberFlag(member, now),
    community: member.communityId ? (communities.get(member.communityId) ?? null) : null,
    checkedInAt: member.checkedInAt ?? null,
  };
}
