import type { LocalCloud } from 'wx-local-cloud';
import {
  type CheckInDoc,
  type CommunityDoc,
  type MemberDoc,
  type MemberStatus,
  type UnitDoc,
  type UserDoc,
  grantOf,
} from '../../types';
import { DEMO_COUNTY, DEMO_ROLE_LABELS, type DemoIdentity, SIGN_IN_IDENTITIES } from './demo';

type Db = LocalCloud['db'];

/** How the sign-in page shows a person now: the name the app will call them, what they are, and their state. */
export interface DemoState {
  name: string;
  roleLabel: string;
  note: string;
}

const STATUS_LABELS: Record<MemberStatus, string> = {
  unverified: '待确认',
  verified: '已确认',
  rejected: '未通过',
  deleted: '已删除个人信息',
};

function readAll<T>(db: Db, collectionName: string, query: object = {}): T[] {
  return db.getDocument({ collectionName, query, limit: 1000 }).list.map((raw) => JSON.parse(raw) as T);
}

function memberNote(
  member: MemberDoc,
  units: Map<string, string>,
  communities: Map<string, string>,
  movedFrom?: string,
) {
  const parts = [units.get(member.unitId) ?? member.unitId];
  if (member.previousUnitId) parts[0] += `（从${units.get(member.previousUnitId) ?? member.previousUnitId}调入）`;
  parts.push(
    member.changedAfterVerifyAt && member.status === 'unverified'
      ? '改了信息，待重新确认'
      : STATUS_LABELS[member.status],
  );
  const here = member.communityId ? (communities.get(member.communityId) ?? member.communityId) : undefined;
  if (here && movedFrom) parts.push(`搬家后从${communities.get(movedFrom) ?? movedFrom}转到${here}`);
  else if (here) parts.push(`已在${here}报到`);
  else if (member.status === 'verified') parts.push('还未报到');
  return parts.join(' · ');
}

function grantedNote(user: UserDoc, units: Map<string, string>, communities: Map<string, string>): DemoState | null {
  const grants = user.grants ?? [];
  if (grantOf(grants, 'countyAdmin')) {
    return { name: user.name, roleLabel: DEMO_ROLE_LABELS.countyAdmin, note: `${DEMO_COUNTY}委组织部` };
  }
  const staff = grantOf(grants, 'staff');
  if (staff) {
    return {
      name: user.name,
      roleLabel: DEMO_ROLE_LABELS.staff,
      note: communities.get(staff.communityId) ?? staff.communityId,
    };
  }
  const unitAdmin = grantOf(grants, 'unitAdmin');
  if (unitAdmin) {
    return {
      name: user.name,
      roleLabel: DEMO_ROLE_LABELS.unitAdmin,
      note: units.get(unitAdmin.unitId) ?? unitAdmin.unitId,
    };
  }
  return null;
}

/** Someone with neither granted roles nor a registration: as the seed described them. */
function unregisteredState(identity: DemoIdentity): DemoState {
  if (identity.role === 'newcomer') return { name: identity.name, roleLabel: '待注册', note: identity.note };
  if (identity.role === 'resident')
    return { name: identity.name, roleLabel: DEMO_ROLE_LABELS.resident, note: identity.note };
  return { name: identity.name, roleLabel: '待注册', note: '还没有登记为在职党员' };
}

/**
 * Every listed demo person's state, read from the database when the sign-in page renders (a handful of queries for
 * everyone, not one per person): granted roles from `users`, registration, confirmation and check-in from `members`,
 * a move between communities from `checkIns`.
 */
export function liveDemoStates(db: Db): Map<string, DemoState> {
  const ids = SIGN_IN_IDENTITIES.map((identity) => identity.openid);
  const byId = { _id: { $in: ids } };
  const users = new Map(readAll<UserDoc>(db, 'users', byId).map((user) => [user._id, user]));
  const members = new Map(readAll<MemberDoc>(db, 'members', byId).map((member) => [member._id, member]));
  const moves = new Map(
    readAll<CheckInDoc>(db, 'checkIns', { memberId: { $in: ids }, status: 'transferred' }).map((c) => [
      c.memberId,
      c.communityId,
    ]),
  );
  const units = new Map(readAll<UnitDoc>(db, 'units').map((unit) => [unit._id, unit.name]));
  const communities = new Map(readAll<CommunityDoc>(db, 'communities').map((c) => [c._id, c.name]));

  const states = new Map<string, DemoState>();
  for (const identity of SIGN_IN_IDENTITIES) {
    const user = users.get(identity.openid);
    const member = members.get(identity.openid);
    const granted = user ? grantedNote(user, units, communities) : null;
    if (granted) {
      states.set(identity.openid, granted);
    } else if (member) {
      states.set(identity.openid, {
        name: member.name || identity.name,
        roleLabel: DEMO_ROLE_LABELS.member,
        note: memberNote(member, units, communities, moves.get(identity.openid)),
      });
    } else {
      states.set(identity.openid, unregisteredState(identity));
    }
  }
  return states;
}
