import type { MemberDoc, UnitMemberRow } from '../../types';
import { daysBetween } from '../../domain/time';
import { communitiesById } from '../_shared/lookups';
import { RECENT_DAYS, memberRow } from '../_shared/views';
import { currentTime } from '../_shared/clock';

/**
 * What needs the unit admin's eye first: new, transferred and changed members and recent deletions; then everyone
 * else; members who deleted their data long ago last.
 */
function rank(member: MemberDoc, row: UnitMemberRow, now: number): number {
  if (row.flag !== 'deleted') return row.flag ? 0 : 1;
  return daysBetween(member.deletedAt ?? 0, now) < RECENT_DAYS ? 0 : 2;
}

/** Rows for a unit admin's list, most urgent first, then the most recently registered. */
export async function unitMemberRows(members: MemberDoc[], now: number = currentTime()): Promise<UnitMemberRow[]> {
  const communities = await communitiesById(members.map((member) => member.communityId));
  return members
    .map((member) => {
      const row = memberRow(member, communities, now);
      return { row, rank: rank(member, row, now) };
    })
    .sort((a, b) => a.rank - b.rank || b.row.registeredAt - a.row.registeredAt)
    .map(({ row }) => row);
}
