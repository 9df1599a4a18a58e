import {
  type Access,
  type Grant,
  type GrantedRole,
  type MemberDoc,
  type Role,
  type UserDoc,
  grantOf,
  grantedRoles,
} from '../../types';
import { docs } from './data';
import { AppError } from './errors';

/** What an action's `run` is handed, by the access it declares: the caller and the scope their access gives. */
export interface AccessContext {
  signedIn: { openid: string };
  /** A member whose unit admin has confirmed them. */
  member: { openid: string; member: MemberDoc };
  staff: { openid: string; user: UserDoc; communityId: string };
  unitAdmin: { openid: string; user: UserDoc; unitId: string };
  countyAdmin: { openid: string; user: UserDoc };
}

/**
 * The caller's roles. Everybody is a resident; staff and admin roles are granted (users.grants); `member` is held
 * exactly while the unit admin's confirmation stands (members.status), so it can never drift from that confirmation.
 */
export function rolesOf(user: UserDoc | null, member: MemberDoc | null): Role[] {
  const roles = new Set<Role>(['resident', ...grantedRoles(user?.grants ?? [])]);
  if (member?.status === 'verified') roles.add('member');
  return [...roles];
}

/** A registered member, in whatever state their confirmation is. */
export function requireRegistered(member: MemberDoc | null): MemberDoc {
  if (!member) throw new AppError('NOT_REGISTERED');
  return member;
}

/** A member whose unit admin has confirmed them. */
export function requireVerified(member: MemberDoc | null): MemberDoc {
  const registered = requireRegistered(member);
  if (registered.status === 'rejected') throw new AppError('MEMBER_REJECTED');
  if (registered.status !== 'verified') throw new AppError('NOT_VERIFIED');
  return registered;
}

/** The caller's user record and their grant of `role`, refused (FORBIDDEN) without it. */
async function granted<R extends GrantedRole>(
  openid: string,
  role: R,
): Promise<{ user: UserDoc; grant: Extract<Grant, { role: R }> }> {
  const user = await docs('users').get(openid);
  const grant = user ? grantOf(user.grants, role) : null;
  if (!user || !grant) throw new AppError('FORBIDDEN');
  return { user, grant };
}

/** Each access level's check, answering the context it gives (a level left out fails to compile). */
const resolvers: { [X in Access]: (openid: string) => Promise<AccessContext[X]> } = {
  signedIn: async (openid) => ({ openid }),
  member: async (openid) => ({ openid, member: requireVerified(await docs('members').get(openid)) }),
  staff: async (openid) => {
    const { user, grant } = await granted(openid, 'staff');
    return { openid, user, communityId: grant.communityId };
  },
  unitAdmin: async (openid) => {
    const { user, grant } = await granted(openid, 'unitAdmin');
    return { openid, user, unitId: grant.unitId };
  },
  countyAdmin: async (openid) => ({ openid, user: (await granted(openid, 'countyAdmin')).user }),
};

/** The caller's context for `access`, refused (FORBIDDEN, or why they are not a confirmed member) when they lack it. */
export function contextFor<X extends Access>(access: X, openid: string): Promise<AccessContext[X]> {
  return resolvers[access](openid);
}
