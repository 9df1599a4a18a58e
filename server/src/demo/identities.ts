import { DEMO_PLAN, type PlannedMember } from './plan';
import { COMMUNITIES, DEMO_COUNTY, UNITS } from './tables';

/** How the login page groups the demo identities. */
export type DemoRole = 'countyAdmin' | 'staff' | 'unitAdmin' | 'member' | 'newcomer' | 'resident';

export const DEMO_ROLE_LABELS: Record<DemoRole, string> = {
  countyAdmin: '县委组织部管理员',
  staff: '社区工作人员',
  unitAdmin: '单位党组织管理员',
  member: '在职党员',
  newcomer: '新用户',
  resident: '居民',
};

export interface DemoIdentity {
  /** The WeChat OPENID this person signs in as. */
  openid: string;
  name: string;
  role: DemoRole;
  /** What this identity shows in the demo (unit, state, community), in Chinese. */
  note: string;
  /** Listed on the sign-in page, and so one of those who can sign in (the other members are data only). */
  featured: boolean;
}

function memberNote(m: PlannedMember): string {
  const unit = UNITS[m.unitIndex].name;
  const here = m.communityIndex === undefined ? '' : COMMUNITIES[m.communityIndex].name;
  switch (m.profile) {
    case 'checkedIn':
      return `${unit} · 已确认 · 已在${here}报到`;
    case 'movedHome':
      return `${unit} · 已确认 · 搬家后从${COMMUNITIES[m.previousCommunityIndex!].name}转到${here}`;
    case 'verified':
      return `${unit} · 已确认 · 还未报到`;
    case 'newVerified':
      return `${unit} · 新登记，已确认 · 还未报到`;
    case 'transferredIn':
      return `${unit} · 从${UNITS[m.previousUnitIndex!].name}调入，已确认 · 还未报到`;
    case 'transferredInCheckedIn':
      return `${unit} · 从${UNITS[m.previousUnitIndex!].name}调入 · 已在${here}报到`;
    case 'unverified':
      return `${unit} · 等待单位党组织确认`;
    case 'newUnverified':
      return `${unit} · 新登记，等待单位党组织确认`;
    case 'rejected':
      return `${unit} · 单位党组织未确认其党员身份`;
  }
}

const plan = DEMO_PLAN;

/** Everyone who can sign in on the local app server, grouped by role in this order. */
export const DEMO_IDENTITIES: readonly DemoIdentity[] = [
  {
    openid: plan.countyAdmin.id,
    name: plan.countyAdmin.name,
    role: 'countyAdmin' as const,
    note: `${DEMO_COUNTY}委组织部`,
    featured: true,
  },
  ...plan.staff.map((s) => ({
    openid: s.id,
    name: s.name,
    role: 'staff' as const,
    note: COMMUNITIES[s.communityIndex].name,
    featured: true,
  })),
  ...plan.unitAdmins.map((a) => ({
    openid: a.id,
    name: a.name,
    role: 'unitAdmin' as const,
    note: UNITS[a.unitIndex].name,
    featured: true,
  })),
  ...[...plan.members]
    .sort((a, b) => Number(b.featured) - Number(a.featured))
    .map((m) => ({ openid: m.id, name: m.name, role: 'member' as const, note: memberNote(m), featured: m.featured })),
  ...plan.newcomers.map((n) => ({
    openid: n.id,
    name: n.name,
    role: 'newcomer' as const,
    note: '还没有登记，可以用这个名字体验在职党员注册',
    featured: true,
  })),
  // Residents keep no name anywhere (the app shows 姓名 未填写): they are listed as the app will call them.
  ...plan.residents.map((r, i) => ({
    openid: r.id,
    name: `居民（未填写姓名）·演示居民${i + 1}`,
    role: 'resident' as const,
    note: '普通居民，可以扫码查看社区',
    featured: true,
  })),
  // Residents who gave a profile to post requests: the persona is listed, the others are data only.
  ...plan.requesters.map((r) => ({
    openid: r.id,
    name: r.name,
    role: 'resident' as const,
    note: `${COMMUNITIES[r.communityIndex].name}${r.compound} · 已填写居民资料，发过点单`,
    featured: r.id === plan.personas.residentWithProfile,
  })),
];

const IDENTITY_BY_OPENID = new Map(DEMO_IDENTITIES.map((identity) => [identity.openid, identity]));

/** The demo identity with this OPENID, if it is one. */
export function findDemoIdentity(openid: string): DemoIdentity | undefined {
  return IDENTITY_BY_OPENID.get(openid);
}

/** The people the demo sign-in page lists, in its order: the only ones who can sign in there. */
export const SIGN_IN_IDENTITIES: readonly DemoIdentity[] = DEMO_IDENTITIES.filter((identity) => identity.featured);

/** The listed demo identity with this OPENID, if it is one. */
export function findSignInIdentity(openid: string): DemoIdentity | undefined {
  const identity = IDENTITY_BY_OPENID.get(openid);
  return identity?.featured ? identity : undefined;
}
