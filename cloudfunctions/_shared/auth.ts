import type { MemberDoc, Role, UnitDoc, UserDoc } from '../../types';
import { findById } from './collections';
import { AppError } from './errors';

/**
 * The caller's roles. Everybody is a resident; staff and admin roles are granted (users); `member` is held exactly
 * while the unit admin's confirmation stands (members.status), so it can never drift from that confirmation.
 */
export async function rolesOf(
  openid: string,
): Promise<{ user: UserDoc | null; member: MemberDoc | null; roles: Role[] }> {
  const [user, member] = await Promise.all([findById('users', openid), findById('members', openid)]);
  const roles = new Set<Role>(['resident', ...(user?.roles ?? []).filter((role) => role !== 'member')]);
  if (member?.status === 'verified') roles.add('member');
  return { user, member, roles: [...roles] };
}

/** The caller's user record, refused unless it holds `role`. */
async function requireRole(openid: string, role: 'staff' | 'unitAdmin' | 'countyAdmin'): Promise<UserDoc> {
  const user = await findById('users', openid);
  if (!user || !user.roles.includes(role)) throw new AppError('FORBIDDEN');
  return user;
}

/** The caller as unit admin, with the unit they run. */
export async function requireUnitAdmin(openid: string): Promise<UserDoc & { adminUnitId: string }> {
  const user = await requireRole(openid, 'unitAdmin');
  if (!user.adminUnitId) throw new AppError('FORBIDDEN');
  return user as UserDoc & { adminUnitId: string };
}

/** The unit the calling unit admin runs. */
export async function requireAdminUnit(openid: string): Promise<UnitDoc> {
  const admin = await requireUnitAdmin(openid);
  const unit = await findById('units', admin.adminUnitId);
  if (!unit) throw new AppError('UNIT_NOT_FOUND');
  return unit;
}

/** The caller as staff, with their community. */
export async function requireStaff(openid: string): Promise<UserDoc & { staffCommunityId: string }> {
  const user = await requireRole(openid, 'staff');
  if (!user.staffCommunityId) throw new AppError('FORBIDDEN');
  return user as UserDoc & { staffCommunityId: string };
}

/** A member whose unit admin has confirmed them. */
export function requireVerified(member: MemberDoc | null): MemberDoc {
  if (!member) throw new AppError('NOT_REGISTERED');
  if (member.status === 'rejected') throw new AppError('MEMBER_REJECTED');
  if (member.status !== 'verified') throw new AppError('NOT_VERIFIED');
  return member;
}
