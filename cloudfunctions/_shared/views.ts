import type { CommunityDoc, CommunitySummary, MemberDoc, UnitDoc, UnitMemberRow, UnitSummary } from '../../types';
import { collection } from './collections';
import { maskPhone } from '../../domain/privacy';
import { _ } from './sdk';
import { daysBetween } from '../../domain/time';

export const RECENT_DAYS = 30;

export function communitySummary(doc: CommunityDoc): CommunitySummary {
  return { id: doc._id, name: doc.name, street: doc.street };
}

export function unitSummary(doc: UnitDoc): UnitSummary {
  return { id: doc._id, name: doc.name };
}

/** Communities by id, read in one query. */
export async function communitiesById(ids: Array<string | undefined>): Promise<Map<string, CommunitySummary>> {
  const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  if (wanted.length === 0) return new Map();
  const { data } = (await collection('communities')
    .where({ _id: _.in(wanted) })
    .limit(1000)
    .get()) as { data: unknown[] };
  return new Map((data as CommunityDoc[]).map((doc) => [doc._id, communitySummary(doc)]));
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
