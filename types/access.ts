import type { Role } from './roles';

/**
 * A role someone was granted, with where it applies: staff work for one community, a unit admin runs one unit's Party
 * organisation. `resident` (everybody) and `member` (held while the unit admin's confirmation stands) are never
 * granted. A later scoped role (a resident juror, say) is one more member of this union.
 */
export type Grant =
  { role: 'staff'; communityId: string } | { role: 'unitAdmin'; unitId: string } | { role: 'countyAdmin' };

export type GrantedRole = Grant['role'];

/** Who may call an action: anyone signed in, a confirmed member, or the holder of a granted role (with its scope). */
export type Access = 'signedIn' | 'member' | GrantedRole;

/** Every access level, in the order a table of them is read. */
export const ACCESS_LEVELS = [
  'signedIn',
  'member',
  'staff',
  'unitAdmin',
  'countyAdmin',
] as const satisfies readonly Access[];

/** The grant for `role` among `grants`, typed by its role. */
export function grantOf<R extends GrantedRole>(grants: readonly Grant[], role: R): Extract<Grant, { role: R }> | null {
  return (grants.find((grant) => grant.role === role) as Extract<Grant, { role: R }> | undefined) ?? null;
}

/** The roles a list of grants gives (each once). */
export function grantedRoles(grants: readonly Grant[]): Role[] {
  return [...new Set(grants.map((grant) => grant.role))];
}
