import type { LocalCloud } from 'wx-local-cloud';
import {
  type AuditLogDoc,
  type CheckInDoc,
  type CommunityDoc,
  type CounterDoc,
  type MemberDoc,
  type MemberStatus,
  type ServiceCardDoc,
  type ServiceKind,
  type Timestamp,
  type UnitDoc,
  type UserDoc,
  SERVICE_KINDS,
} from '../../types';
import {
  SERVICE_CARD_COUNTERS,
  formatServiceCardNo,
  serviceCardCounterId,
} from '../../domain/service-card';
import { chinaTime } from '../../domain/time';

/**
 * Demo data for the local app server: one fictional county (红旗县) with its communities, units, staff, unit admins
 * and about two hundred in-service Party members in every state the first flows know (unverified, verified, rejected,
 * checked in, new, transferred from another unit, moved home). Everything is generated from fixed seeds: the people,
 * their units, states and communities are always the same; timestamps are placed relative to the moment of seeding so
 * that "registered in the last 30 days" stays true whenever the demo is started. All names and phone numbers are
 * invented.
 */

export const DEMO_COUNTY = '红旗县';

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

export interface DemoData {
  communities: CommunityDoc[];
  units: UnitDoc[];
  users: UserDoc[];
  members: MemberDoc[];
  checkIns: CheckInDoc[];
  serviceCards: ServiceCardDoc[];
  counters: CounterDoc[];
  auditLogs: AuditLogDoc[];
}

export type DemoCollection = keyof DemoData;
export const DEMO_COLLECTIONS: DemoCollection[] = [
  'communities',
  'units',
  'users',
  'members',
  'checkIns',
  'serviceCards',
  'counters',
  'auditLogs',
];

// --- fixed tables -----------------------------------------------------------------------------------------------

const COMMUNITIES: Array<Omit<CommunityDoc, 'county' | 'createdAt'>> = [
  { _id: 'C01', name: '城关镇东街社区', street: '城关镇', address: '红旗县城关镇东街88号' },
  { _id: 'C02', name: '城关镇西街社区', street: '城关镇', address: '红旗县城关镇西街12号' },
  { _id: 'C03', name: '城关镇南门社区', street: '城关镇', address: '红旗县城关镇南门路56号' },
  { _id: 'C04', name: '城关镇北关社区', street: '城关镇', address: '红旗县城关镇北关大道201号' },
  { _id: 'C05', name: '新华街道新华社区', street: '新华街道', address: '红旗县新华街道新华路19号' },
  { _id: 'C06', name: '新华街道滨河社区', street: '新华街道', address: '红旗县新华街道滨河路66号' },
];
/** How the checked-in members spread over the communities. */
const COMMUNITY_WEIGHTS = [24, 18, 16, 14, 16, 12];

/** The units and how many of the 200 members each has (sums to 200). */
const UNITS: Array<{ name: string; size: number }> = [
  { name: '县委办公室', size: 14 },
  { name: '县人民政府办公室', size: 12 },
  { name: '县财政局', size: 11 },
  { name: '县教育局', size: 10 },
  { name: '县人民医院', size: 18 },
  { name: '县税务局', size: 9 },
  { name: '县自然资源局', size: 8 },
  { name: '县住房和城乡建设局', size: 10 },
  { name: '县市场监督管理局', size: 9 },
  { name: '县公安局', size: 15 },
  { name: '县人力资源和社会保障局', size: 8 },
  { name: '县卫生健康局', size: 9 },
  { name: '县农业农村局', size: 10 },
  { name: '县交通运输局', size: 8 },
  { name: '县民政局', size: 7 },
  { name: '县司法局', size: 6 },
  { name: '县文化和旅游局', size: 7 },
  { name: '县第一中学', size: 12 },
  { name: '县供电公司', size: 9 },
  { name: '红旗县农村商业银行', size: 8 },
];

// prettier-ignore
const SURNAMES = [
  '王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '高', '林', '罗',
  '郑', '梁', '谢', '宋', '唐', '许', '韩', '冯', '邓', '曹', '彭', '曾', '肖', '田', '董', '袁', '潘', '于', '蒋', '蔡',
  '余', '杜', '叶', '程', '苏', '魏', '吕', '丁', '任', '沈', '姚', '卢', '姜', '崔', '钟', '谭', '陆', '汪', '范', '金',
];

// prettier-ignore
const GIVEN_NAMES = [
  '建国', '秀英', '桂兰', '志强', '丽华', '海燕', '晓东', '文静', '国强', '红梅', '伟', '芳', '敏', '静', '磊', '洋',
  '勇', '军', '杰', '娟', '涛', '明', '超', '霞', '平', '刚', '玉兰', '春梅', '建华', '淑珍', '子涵', '浩然', '雨轩',
  '思远', '嘉怡', '欣怡', '俊杰', '志明', '美玲', '立新', '卫东', '新民', '爱华', '晓燕', '文博', '佳慧', '振华', '德明',
  '秀兰', '宏伟', '丽娟', '永红', '金凤', '长青', '学文', '海波', '雪梅', '立群', '春华', '国庆', '建军', '晓红', '丹',
  '鹏', '婷婷', '亚楠', '宇航', '梦瑶', '志刚', '玉梅', '树林', '凤英', '新华', '利民', '晨', '晶', '瑞', '楠', '鑫',
];

// prettier-ignore
const SKILLS = [
  '电脑维修', '家电维修', '水电维修', '法律咨询', '医疗护理', '心理疏导', '书法', '摄影', '驾驶', '财务会计',
  '教育辅导', '中医推拿', '理发', '烹饪', '广场舞', '文艺演出', '网络安全', '政策宣讲', '农业技术', '手机使用教学',
];

const PLEDGES = [
  '每月至少参加两次社区服务，帮助邻里解决实际困难。',
  '发挥专业特长，为社区居民提供免费{skill}服务。',
  '关爱空巢老人，每周上门看望一次，陪老人说说话。',
  '带头遵守社区公约，积极参与环境整治和垃圾分类宣传。',
  '做好政策宣传员，把党的好政策讲给身边的居民听。',
  '认领一个服务岗位，坚持每半月服务一次，做到有始有终。',
  '利用周末时间辅导社区留守儿童功课。',
  '做邻里矛盾的调解员，做居民身边的贴心人。',
  '教社区老年人使用智能手机，帮他们跨过数字鸿沟。',
  '义务参加社区夜间巡逻，守护邻里平安。',
];

// prettier-ignore
const PHONE_PREFIXES = [
  '130', '131', '132', '133', '135', '136', '137', '138', '139',
  '150', '151', '152', '155', '156', '158', '159',
  '180', '181', '185', '186', '187', '188', '189',
];

// --- deterministic randomness -----------------------------------------------------------------------------------

type Rng = () => number;

/** mulberry32: a small, fast, seeded generator (the same numbers on every machine). */
function seededRng(seed: number): Rng {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const int = (rng: Rng, min: number, max: number): number => min + Math.floor(rng() * (max - min + 1));
const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)];

function shuffle<T>(rng: Rng, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

function sample<T>(rng: Rng, items: readonly T[], count: number): T[] {
  return shuffle(rng, [...items]).slice(0, count);
}

function weighted(rng: Rng, weights: number[]): number {
  const total = weights.reduce((sum, w) => sum + w, 0);
  let roll = rng() * total;
  for (let i = 0; i < weights.length; i++) {
    roll -= weights[i];
    if (roll < 0) return i;
  }
  return weights.length - 1;
}

// --- the plan: who is who (independent of time) ------------------------------------------------------------------

/**
 * What happened to a member: `checkedIn` (verified, checked in), `verified` (verified, not checked in),
 * `unverified`/`rejected` (registered long ago), `newUnverified`/`newVerified` (registered in the last weeks, not
 * checked in), `transferredIn` (moved here from another unit in the last weeks; `…CheckedIn` also checked in),
 * `movedHome` (checked in, then transferred to another community: a 'transferred' check-in in their history).
 */
type Profile =
  | 'checkedIn'
  | 'verified'
  | 'unverified'
  | 'rejected'
  | 'newUnverified'
  | 'newVerified'
  | 'transferredIn'
  | 'transferredInCheckedIn'
  | 'movedHome';

const PROFILE_COUNTS: Record<Profile, number> = {
  checkedIn: 90,
  movedHome: 1,
  transferredInCheckedIn: 1,
  transferredIn: 4,
  newVerified: 4,
  verified: 54,
  newUnverified: 8,
  unverified: 36,
  rejected: 2,
};

/** What 县委办公室 (U01, the demo's unit admin) must have, in this order: its first members are the featured ones. */
const U01_PROFILES: Profile[] = [
  'newUnverified',
  'newUnverified',
  'newVerified',
  'transferredIn',
  'unverified',
  'checkedIn',
  'checkedIn',
  'checkedIn',
  'checkedIn',
  'movedHome',
  'verified',
  'verified',
];
/** Which of U01's first members the login page lists (indexes into U01_PROFILES). */
const U01_FEATURED = [5, 6, 9, 10, 2, 3, 0, 1, 4];

interface PlannedMember {
  id: string;
  name: string;
  phone: string;
  unitIndex: number;
  profile: Profile;
  previousUnitIndex?: number;
  /** Current community (checked in), and for `movedHome` the one they moved from. */
  communityIndex?: number;
  previousCommunityIndex?: number;
  skills: string[];
  willingness: ServiceKind[];
  pledge: string;
  pledgePublic: boolean;
  featured: boolean;
}

interface Plan {
  countyAdmin: { id: string; name: string };
  staff: Array<{ id: string; name: string; communityIndex: number }>;
  unitAdmins: Array<{ id: string; name: string; unitIndex: number }>;
  members: PlannedMember[];
  residents: Array<{ id: string; name: string }>;
  newcomers: Array<{ id: string; name: string }>;
  personas: DemoPersonas;
}

/** Ready-made identities for demos and end-to-end tests (all OPENIDs). */
export interface DemoPersonas {
  countyAdmin: string;
  /** Staff of C01 城关镇东街社区. */
  staff: string;
  /** Unit admin of U01 县委办公室. */
  unitAdmin: string;
  /** U01, verified and checked in at C01. */
  memberCheckedIn: string;
  /** U01, checked in at C03, later transferred to C01 (a 'transferred' check-in in the history). */
  memberMovedHome: string;
  /** U01, verified long ago, not checked in anywhere: can check in during the demo. */
  memberVerified: string;
  /** U01, registered and verified in the last weeks, not checked in. */
  memberNewVerified: string;
  /** U01, moved here from another unit in the last weeks, verified, not checked in. */
  memberTransferredIn: string;
  /** U01, registered in the last weeks, waiting for the unit admin. */
  memberUnverified: string;
  /** Registered, refused by the unit admin. */
  memberRejected: string;
  /** No documents at all: registers during the demo (unit U01 is a good pick). */
  newcomer: string;
  /** No documents: a resident who scans a community code. */
  resident: string;
}

const unitId = (index: number) => `U${String(index + 1).padStart(2, '0')}`;
const memberId = (n: number) => `demo-member-${String(n).padStart(3, '0')}`;

function makeNames(rng: Rng): () => string {
  const used = new Set<string>();
  return () => {
    for (;;) {
      const name = pick(rng, SURNAMES) + pick(rng, GIVEN_NAMES);
      if (!used.has(name)) {
        used.add(name);
        return name;
      }
    }
  };
}

function makePhones(rng: Rng): () => string {
  const used = new Set<string>();
  return () => {
    for (;;) {
      const phone = pick(rng, PHONE_PREFIXES) + String(int(rng, 0, 99_999_999)).padStart(8, '0');
      if (!used.has(phone)) {
        used.add(phone);
        return phone;
      }
    }
  };
}

function buildPlan(): Plan {
  const rng = seededRng(0x5eed_2024);
  const nextName = makeNames(rng);
  const nextPhone = makePhones(rng);

  const countyAdmin = { id: 'demo-county-admin', name: nextName() };
  const staff = COMMUNITIES.map((c, i) => ({ id: `demo-staff-${c._id}`, name: nextName(), communityIndex: i }));
  const unitAdmins = UNITS.map((_, i) => ({ id: `demo-unitadmin-${unitId(i)}`, name: nextName(), unitIndex: i }));
  const residents = [1, 2, 3, 4, 5].map((n) => ({ id: `demo-resident-0${n}`, name: nextName() }));
  const newcomers = [1, 2, 3].map((n) => ({ id: `demo-newcomer-${n}`, name: nextName() }));

  const unitOf = shuffle(
    rng,
    UNITS.flatMap((unit, i) => Array<number>(unit.size).fill(i)),
  );
  const profiles = shuffle(
    rng,
    (Object.entries(PROFILE_COUNTS) as Array<[Profile, number]>).flatMap(([p, n]) => Array<Profile>(n).fill(p)),
  );
  // U01's first members get the profiles the demo needs: swap them in from members of other units.
  const u01 = unitOf.flatMap((unit, i) => (unit === 0 ? [i] : []));
  U01_PROFILES.forEach((wanted, k) => {
    const at = u01[k];
    if (profiles[at] === wanted) return;
    const from = profiles.findIndex((p, j) => p === wanted && unitOf[j] !== 0);
    [profiles[at], profiles[from]] = [profiles[from], profiles[at]];
  });
  const featured = new Set(U01_FEATURED.map((k) => u01[k]));
  featured.add(profiles.findIndex((p) => p === 'rejected'));

  const members: PlannedMember[] = unitOf.map((unitIndex, i) => {
    const profile = profiles[i];
    const skills = sample(rng, SKILLS, int(rng, 0, 3));
    const willingness = SERVICE_KINDS.filter(() => rng() < 0.3);
    if (willingness.length === 0) willingness.push(pick(rng, SERVICE_KINDS));
    const pledge = pick(rng, PLEDGES).replace('{skill}', skills[0] ?? '政策咨询');
    const member: PlannedMember = {
      id: memberId(i + 1),
      name: nextName(),
      phone: nextPhone(),
      unitIndex,
      profile,
      skills,
      willingness,
      pledge,
      pledgePublic: rng() < 0.6,
      featured: featured.has(i),
    };
    if (profile === 'transferredIn' || profile === 'transferredInCheckedIn') {
      member.previousUnitIndex = (unitIndex + int(rng, 1, UNITS.length - 1)) % UNITS.length;
    }
    if (profile === 'checkedIn' || profile === 'transferredInCheckedIn' || profile === 'movedHome') {
      member.communityIndex = weighted(rng, COMMUNITY_WEIGHTS);
    }
    if (profile === 'movedHome') {
      member.previousCommunityIndex =
        (member.communityIndex! + int(rng, 1, COMMUNITIES.length - 1)) % COMMUNITIES.length;
    }
    return member;
  });
  // The featured checked-in members of U01 live in C01 (whose staff is the demo's staff); the one who moved came
  // from C03.
  for (const k of [5, 6]) members[u01[k]].communityIndex = 0;
  members[u01[9]].communityIndex = 0;
  members[u01[9]].previousCommunityIndex = 2;

  const personas: DemoPersonas = {
    countyAdmin: countyAdmin.id,
    staff: staff[0].id,
    unitAdmin: unitAdmins[0].id,
    memberCheckedIn: members[u01[5]].id,
    memberMovedHome: members[u01[9]].id,
    memberVerified: members[u01[10]].id,
    memberNewVerified: members[u01[2]].id,
    memberTransferredIn: members[u01[3]].id,
    memberUnverified: members[u01[0]].id,
    memberRejected: members[profiles.findIndex((p) => p === 'rejected')].id,
    newcomer: newcomers[0].id,
    resident: residents[0].id,
  };
  return { countyAdmin, staff, unitAdmins, members, residents, newcomers, personas };
}

const PLAN = buildPlan();

export const DEMO_PERSONAS: DemoPersonas = PLAN.personas;

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

/** Everyone who can sign in on the local app server, grouped by role in this order. */
export const DEMO_IDENTITIES: readonly DemoIdentity[] = [
  {
    openid: PLAN.countyAdmin.id,
    name: PLAN.countyAdmin.name,
    role: 'countyAdmin' as const,
    note: `${DEMO_COUNTY}委组织部`,
    featured: true,
  },
  ...PLAN.staff.map((s) => ({
    openid: s.id,
    name: s.name,
    role: 'staff' as const,
    note: COMMUNITIES[s.communityIndex].name,
    featured: true,
  })),
  ...PLAN.unitAdmins.map((a) => ({
    openid: a.id,
    name: a.name,
    role: 'unitAdmin' as const,
    note: UNITS[a.unitIndex].name,
    featured: true,
  })),
  ...[...PLAN.members]
    .sort((a, b) => Number(b.featured) - Number(a.featured))
    .map((m) => ({ openid: m.id, name: m.name, role: 'member' as const, note: memberNote(m), featured: m.featured })),
  ...PLAN.newcomers.map((n) => ({
    openid: n.id,
    name: n.name,
    role: 'newcomer' as const,
    note: '还没有登记，可以用这个名字体验在职党员注册',
    featured: true,
  })),
  // Residents keep no name anywhere (the app shows 姓名 未填写): they are listed as the app will call them.
  ...PLAN.residents.map((r, i) => ({
    openid: r.id,
    name: `居民（未填写姓名）·演示居民${i + 1}`,
    role: 'resident' as const,
    note: '普通居民，可以扫码查看社区',
    featured: true,
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

// --- the documents: the plan placed in time ----------------------------------------------------------------------

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const CHINA_OFFSET = 8 * HOUR;

/**
 * Every demo document, with timestamps placed relative to `now` (ms). The same `now` gives the same documents; any
 * `now` gives the same people, units, states and communities.
 */
export function buildDemoData(now: Timestamp = Date.now()): DemoData {
  const rng = seededRng(0x71e5_2024);
  const todayStart = now - ((now + CHINA_OFFSET) % DAY);
  /** A moment `daysAgo` China-time days ago at hh:mm, never later than a minute ago. */
  const at = (daysAgo: number, hour = int(rng, 8, 20), minute = int(rng, 0, 59)): Timestamp =>
    Math.min(todayStart - daysAgo * DAY + hour * HOUR + minute * MINUTE, now - MINUTE);

  const communities: CommunityDoc[] = COMMUNITIES.map((c, i) => ({
    ...c,
    county: DEMO_COUNTY,
    createdAt: at(730, 9, i * 5),
  }));
  const units: UnitDoc[] = UNITS.map((u, i) => ({
    _id: unitId(i),
    name: u.name,
    county: DEMO_COUNTY,
    createdAt: at(725, 10, i * 2),
  }));
  const users: UserDoc[] = [];
  const auditLogs: Array<Omit<AuditLogDoc, '_id'>> = [];

  const countyCreated = at(740, 9, 0);
  users.push({
    _id: PLAN.countyAdmin.id,
    name: PLAN.countyAdmin.name,
    roles: ['resident', 'countyAdmin'],
    createdAt: countyCreated,
    updatedAt: countyCreated,
  });
  for (const s of PLAN.staff) {
    const t = at(int(rng, 500, 700));
    users.push({
      _id: s.id,
      name: s.name,
      roles: ['resident', 'staff'],
      staffCommunityId: COMMUNITIES[s.communityIndex]._id,
      createdAt: t,
      updatedAt: t,
    });
    auditLogs.push({
      action: 'role.grant',
      actorId: PLAN.countyAdmin.id,
      targetId: s.id,
      at: t,
      detail: { role: 'staff', communityId: COMMUNITIES[s.communityIndex]._id },
    });
  }
  const unitAdminOf = (unitIndex: number) => PLAN.unitAdmins[unitIndex].id;
  for (const a of PLAN.unitAdmins) {
    const t = at(int(rng, 600, 700));
    users.push({
      _id: a.id,
      name: a.name,
      roles: ['resident', 'unitAdmin'],
      adminUnitId: unitId(a.unitIndex),
      createdAt: t,
      updatedAt: t,
    });
    auditLogs.push({
      action: 'role.grant',
      actorId: PLAN.countyAdmin.id,
      targetId: a.id,
      at: t,
      detail: { role: 'unitAdmin', unitId: unitId(a.unitIndex) },
    });
  }

  const members: MemberDoc[] = [];
  const checkIns: CheckInDoc[] = [];
  const firstCheckIns: Array<{ member: MemberDoc; communityId: string; issuedAt: Timestamp }> = [];

  for (const m of PLAN.members) {
    const p = m.profile;
    const isNew = p === 'newUnverified' || p === 'newVerified';
    const transferred = p === 'transferredIn' || p === 'transferredInCheckedIn';
    const regDays = isNew
      ? int(rng, p === 'newVerified' ? 4 : 0, 25)
      : p === 'movedHome'
        ? int(rng, 400, 540)
        : int(rng, 60, 540);
    const registeredAt = at(regDays);
    const joinDays = transferred ? int(rng, 3, 25) : regDays;
    const unitJoinedAt = transferred ? at(joinDays) : registeredAt;
    const status: MemberStatus =
      p === 'unverified' || p === 'newUnverified' ? 'unverified' : p === 'rejected' ? 'rejected' : 'verified';
    const doc: MemberDoc = {
      _id: m.id,
      name: m.name,
      phone: m.phone,
      unitId: unitId(m.unitIndex),
      skills: m.skills,
      willingness: m.willingness,
      pledge: m.pledge,
      pledgePublic: m.pledgePublic,
      status,
      registeredAt,
      unitJoinedAt,
      updatedAt: unitJoinedAt,
    };
    if (m.previousUnitIndex !== undefined) doc.previousUnitId = unitId(m.previousUnitIndex);
    let lastChange = unitJoinedAt;
    const decisionDays = transferred ? joinDays - int(rng, 1, 2) : regDays - int(rng, 1, Math.min(7, regDays));
    if (status === 'verified') {
      doc.verifiedBy = unitAdminOf(m.unitIndex);
      doc.verifiedAt = Math.max(at(Math.max(decisionDays, 0), int(rng, 9, 17)), unitJoinedAt + MINUTE);
      lastChange = doc.verifiedAt;
      auditLogs.push({
        action: 'member.verify',
        actorId: doc.verifiedBy,
        targetId: m.id,
        at: doc.verifiedAt,
        detail: { unitId: doc.unitId },
      });
    } else if (status === 'rejected') {
      // verifiedBy/verifiedAt record the decision either way, as unit.verifyMember writes them.
      doc.verifiedBy = unitAdminOf(m.unitIndex);
      doc.verifiedAt = at(decisionDays, int(rng, 9, 17));
      lastChange = doc.verifiedAt;
      auditLogs.push({
        action: 'member.reject',
        actorId: doc.verifiedBy,
        targetId: m.id,
        at: doc.verifiedAt,
        detail: { unitId: doc.unitId },
      });
    }
    if (m.communityIndex !== undefined) {
      const community = COMMUNITIES[m.communityIndex]._id;
      // Checked in a few weeks after the confirmation; a member who later changed unit checked in before that (their
      // residence did not change with the unit).
      const ciDays = transferred
        ? Math.max(joinDays + 5, regDays - int(rng, 10, 40))
        : Math.max(decisionDays - int(rng, 1, 30), 1);
      if (p === 'movedHome') {
        const from = COMMUNITIES[m.previousCommunityIndex!]._id;
        const firstAt = at(ciDays);
        const movedAt = at(int(rng, 35, 90));
        checkIns.push({
          _id: `${m.id}-checkin-1`,
          memberId: m.id,
          unitId: doc.unitId,
          communityId: from,
          status: 'transferred',
          checkedInAt: firstAt,
          endedAt: movedAt,
          transferredTo: community,
        });
        checkIns.push({
          _id: `${m.id}-checkin-2`,
          memberId: m.id,
          unitId: doc.unitId,
          communityId: community,
          status: 'active',
          checkedInAt: movedAt,
        });
        firstCheckIns.push({ member: doc, communityId: from, issuedAt: firstAt });
        Object.assign(doc, { communityId: community, checkInId: `${m.id}-checkin-2`, checkedInAt: movedAt });
      } else {
        const checkedIn = at(ciDays);
        checkIns.push({
          _id: `${m.id}-checkin-1`,
          memberId: m.id,
          unitId: doc.unitId,
          communityId: community,
          status: 'active',
          checkedInAt: checkedIn,
        });
        firstCheckIns.push({ member: doc, communityId: community, issuedAt: checkedIn });
        Object.assign(doc, { communityId: community, checkInId: `${m.id}-checkin-1`, checkedInAt: checkedIn });
      }
      lastChange = Math.max(lastChange, doc.checkedInAt!);
    }
    doc.updatedAt = lastChange;
    // No users document: the member role follows members.status (the unit admin's confirmation) alone.
    members.push(doc);
  }

  // 活动证 numbers: in order of issue, cards take the year's counters in turn; each counter numbers from 1 and holds
  // its last number.
  const serviceCards: ServiceCardDoc[] = [];
  const lastOfCounter = new Map<string, number>();
  firstCheckIns.sort((a, b) => a.issuedAt - b.issuedAt || a.member._id.localeCompare(b.member._id));
  for (const [index, card] of firstCheckIns.entries()) {
    const year = chinaTime(card.issuedAt).year();
    const counter = (index % SERVICE_CARD_COUNTERS) + 1;
    const counterId = serviceCardCounterId(year, counter);
    const sequence = (lastOfCounter.get(counterId) ?? 0) + 1;
    lastOfCounter.set(counterId, sequence);
    const number = formatServiceCardNo(year, counter, sequence);
    card.member.serviceCardNo = number;
    serviceCards.push({
      _id: number,
      memberId: card.member._id,
      communityId: card.communityId,
      issuedAt: card.issuedAt,
    });
  }
  const counters: CounterDoc[] = [...lastOfCounter.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([_id, value]) => ({ _id, value }));

  auditLogs.sort((a, b) => a.at - b.at || a.targetId.localeCompare(b.targetId));
  return {
    communities,
    units,
    users,
    members,
    checkIns,
    serviceCards,
    counters,
    auditLogs: auditLogs.map((entry, i) => ({ _id: `demo-audit-${String(i + 1).padStart(4, '0')}`, ...entry })),
  };
}

// --- seeding ------------------------------------------------------------------------------------------------------

export interface SeedResult {
  /** False when the database already had communities (nothing was written). */
  seeded: boolean;
  /** Documents per demo collection after seeding. */
  counts: Record<DemoCollection, number>;
}

type SeedTarget = Pick<LocalCloud, 'db'>;

function countAll(cloud: SeedTarget): Record<DemoCollection, number> {
  const counts = {} as Record<DemoCollection, number>;
  for (const name of DEMO_COLLECTIONS) {
    counts[name] = cloud.db.calculateDocument({ collectionName: name, query: {} }).total;
  }
  return counts;
}

/**
 * Loads the demo data into an empty database: only when `communities` is empty, all in one SQLite transaction (a
 * crash halfway leaves nothing behind). The collections must exist (the manifest creates them).
 */
export function seedDemoData(cloud: SeedTarget, options: { now?: Timestamp } = {}): SeedResult {
  if (cloud.db.calculateDocument({ collectionName: 'communities', query: {} }).total > 0) {
    return { seeded: false, counts: countAll(cloud) };
  }
  const data = buildDemoData(options.now ?? Date.now());
  cloud.db.store.atomically(() => {
    for (const name of DEMO_COLLECTIONS) {
      const docs: object[] = data[name];
      if (docs.length === 0) continue;
      cloud.db.insertDocument({ collectionName: name, data: docs.map((doc) => JSON.stringify(doc)) });
    }
  });
  return { seeded: true, counts: countAll(cloud) };
}
