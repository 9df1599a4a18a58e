import { type ServiceKind, SERVICE_KINDS } from '../../../types';
import { type Rng, int, pick, sample, seededRng, shuffle, weighted } from './rng';
import {
  COMMUNITIES,
  COMMUNITY_WEIGHTS,
  GIVEN_NAMES,
  PHONE_PREFIXES,
  PLEDGES,
  SKILLS,
  SURNAMES,
  UNITS,
  unitId,
} from './tables';

/**
 * What happened to a member: `checkedIn` (verified, checked in), `verified` (verified, not checked in),
 * `unverified`/`rejected` (registered long ago), `newUnverified`/`newVerified` (registered in the last weeks, not
 * checked in), `transferredIn` (moved here from another unit in the last weeks; `…CheckedIn` also checked in),
 * `movedHome` (checked in, then transferred to another community: a 'transferred' check-in in their history).
 */
export type Profile =
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

export interface PlannedMember {
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
  /** A resident of C01 with a profile (name, phone, door) and requests in several states, one done and waiting for their rating. */
  residentWithProfile: string;
}

/** A resident who gave a profile to post requests (点单): where they live, in a community's compound. */
export interface PlannedRequester {
  id: string;
  name: string;
  /** 139xxxxxxxx, invented. */
  phone: string;
  communityIndex: number;
  compound: string;
  building: string;
  unit: string;
  room: string;
}

/** Who is who in the demo, independent of time: the people, their units, states and communities. */
export interface Plan {
  countyAdmin: { id: string; name: string };
  staff: Array<{ id: string; name: string; communityIndex: number }>;
  unitAdmins: Array<{ id: string; name: string; unitIndex: number }>;
  members: PlannedMember[];
  residents: Array<{ id: string; name: string }>;
  /** Residents with a profile (the `residents` collection); the ones above have none. */
  requesters: PlannedRequester[];
  newcomers: Array<{ id: string; name: string }>;
  personas: DemoPersonas;
}

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

/** Compounds of each community (小区), the only part of an address a published request shows. */
// prettier-ignore
export const COMPOUNDS: string[][] = [
  ['东街花园', '粮食局家属院', '幸福里小区'],
  ['西街新村', '电力小区'],
  ['南门小区', '教师公寓'],
  ['北关嘉园', '纺织厂宿舍'],
  ['新华苑', '银杏小区'],
  ['滨河湾', '水岸人家'],
];

/** Six residents of C01 (the demo staff's community), then one in each other community. */
function requesterHomes(): Array<Omit<PlannedRequester, 'id' | 'name' | 'phone'>> {
  const c01 = [
    ['3号楼', '2单元', '501室'],
    ['1号楼', '1单元', '102室'],
    ['5号楼', '3单元', '302室'],
    ['2号楼', '1单元', '601室'],
    ['7号楼', '2单元', '201室'],
    ['4号楼', '1单元', '401室'],
  ].map(([building, unit, room], k) => ({ communityIndex: 0, compound: COMPOUNDS[0][k % 3], building, unit, room }));
  const others = COMMUNITIES.slice(1).map((_, i) => ({
    communityIndex: i + 1,
    compound: COMPOUNDS[i + 1][0],
    building: `${i + 2}号楼`,
    unit: '1单元',
    room: `${i + 1}02室`,
  }));
  return [...c01, ...others];
}

/** 139 and eight digits, each different and none a member's. */
function residentPhones(rng: Rng, members: readonly PlannedMember[]): () => string {
  const taken = new Set(members.map((m) => m.phone));
  return () => {
    for (;;) {
      const phone = `139${String(int(rng, 0, 99_999_999)).padStart(8, '0')}`;
      if (!taken.has(phone)) {
        taken.add(phone);
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
    residentWithProfile: '',
  };
  // Drawn last, so that everyone above keeps the names and phones they had before requests were added.
  const nextResidentPhone = residentPhones(rng, members);
  const requesters = requesterHomes().map((home, i) => ({
    id: `demo-resident-${String(11 + i)}`,
    name: nextName(),
    phone: nextResidentPhone(),
    ...home,
  }));
  personas.residentWithProfile = requesters[0].id;
  return { countyAdmin, staff, unitAdmins, members, residents, requesters, newcomers, personas };
}

export const DEMO_PLAN: Plan = buildPlan();

export const DEMO_PERSONAS: DemoPersonas = DEMO_PLAN.personas;
