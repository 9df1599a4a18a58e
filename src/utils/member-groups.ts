import type { MemberStatus, UnitMemberRow } from '../../types';

export type MemberGroups = Record<MemberStatus, UnitMemberRow[]>;

/** A unit's members by status, each group in the order the function sent (most urgent first). */
export function groupMembers(rows: UnitMemberRow[]): MemberGroups {
  const groups: MemberGroups = { unverified: [], rejected: [], verified: [], deleted: [] };
  for (const row of rows) groups[row.status].push(row);
  return groups;
}

/** The list after a decision: the row as the function now returns it, in its place. */
export function replaceRow(rows: UnitMemberRow[], row: UnitMemberRow): UnitMemberRow[] {
  return rows.map((old) => (old.memberId === row.memberId ? row : old));
}
