import type { MemberDoc, UnitMemberRow } from '../../types';
import { communitiesById, memberRow } from './views';

/** Rows for a unit admin's list: new and transferred members first, then the most recently registered. */
export async function unitMemberRows(members: MemberDoc[], now: number = Date.now()): Promise<UnitMemberRow[]> {
  const communities = await communitiesById(members.map((member) => member.communityId));
  const rank = (row: UnitMemberRow) => (row.flag ? 0 : 1);
  return members
    .map((member) => memberRow(member, communities, now))
    .sort((a, b) => rank(a) - rank(b) || b.registeredAt - a.registeredAt);
}
