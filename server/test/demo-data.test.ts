import { z } from 'zod';
import {
  type AuditAction,
  type CheckInStatus,
  type CollectionName,
  type Collections,
  type MemberStatus,
  type OrderStatus,
  type RecordSource,
  type RecordStatus,
  ORDER_KINDS,
  POST_KINDS,
  SERVICE_KINDS,
  SUBSCRIBE_KEYS,
} from '../../types';
import { doneCounterIds } from '../../cloudfunctions/_shared/order-counts';
import { attendanceMinutes, attendanceRecordId } from '../../domain/attendance';
import { GENESIS_HASH, entryHash, ledgerEntryId, recordHash } from '../../domain/ledger';
import { checkLedger } from '../../domain/ledger-check';
import { keysOf, tallyDocId } from '../../domain/tallies';
import { SERVICE_CARD_NO, formatServiceCardNo, serviceCardCounterId } from '../../domain/service-card';
import { chinaTime } from '../../domain/time';
import {
  DEMO_COLLECTIONS,
  DEMO_IDENTITIES,
  DEMO_PERSONAS,
  type DemoData,
  buildDemoData,
  findDemoIdentity,
} from '../src/demo';
import { type TestApp, callApi, login, startTestApp } from './helpers';

const chinaYear = (at: number) => chinaTime(at).year();

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 2, 15, 2, 0, 0); // 2026-03-15 10:00 China time

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** `S` when it describes exactly `T` (the same fields, optional where `T`'s are), else `never`. */
type Exactly<S extends z.ZodType, T> =
  Same<z.output<S>, T> extends true ? (Same<keyof z.output<S>, keyof T> extends true ? S : never) : never;
/** A schema of exactly the document type: a field added on one side only does not compile. */
const exactly =
  <T>() =>
  <S extends z.ZodType>(schema: S & Exactly<S, T>): z.ZodType<T> =>
    schema as unknown as z.ZodType<T>;

const ts = z.number().int().positive();
const MEMBER_STATUSES = ['unverified', 'verified', 'rejected', 'deleted'] as const satisfies MemberStatus[];
const CHECK_IN_STATUSES = ['active', 'transferred', 'ended'] as const satisfies CheckInStatus[];
// prettier-ignore
const AUDIT_ACTIONS = [
  'member.verify', 'member.reject', 'member.reverseRejection', 'member.needsReconfirmation', 'member.deleteData',
  'role.grant', 'record.confirm', 'record.reject', 'record.staffAttendance', 'record.correct',
  'order.publish', 'order.merge', 'order.reject', 'order.postOnBehalf', 'order.confirmDone', 'order.readContact',
  'resident.deleteData',
] as const satisfies AuditAction[];
const RECORD_SOURCES = ['activity', 'selfReported', 'order', 'correction'] as const satisfies RecordSource[];
const RECORD_STATUSES = [
  'signedIn',
  'awaitingRating',
  'pending',
  'confirmed',
  'rejected',
] as const satisfies RecordStatus[];
// prettier-ignore
const ORDER_STATUSES = [
  'submitted', 'published', 'taken', 'done', 'rated', 'rejected', 'merged', 'cancelled',
] as const satisfies OrderStatus[];
const RATING = z.strictObject({
  stars: z.number().int().min(1).max(5).nullable(),
  comment: z.string().max(200),
  by: z.enum(['resident', 'staff']),
  byName: z.string().min(2),
  at: ts,
});
/** The invented phones of residents and of those staff post for. */
const RESIDENT_PHONE = /^139\d{8}$/;
const LOCATION_CHECKS = ['inside', 'outside', 'unknown'] as const;
const HEX64 = /^[0-9a-f]{64}$/;
const minutes = z.number().int().nonnegative();
/** What the demo holds, narrower than what the types allow (it is seeded, not lived in). */
const only =
  (...allowed: string[]) =>
  (value: string): boolean =>
    allowed.includes(value);
/** A field the type allows that no demo document has. */
const absent = ts.optional().refine((value): boolean => value === undefined);

const schemas: { [C in CollectionName]: z.ZodType<Collections[C]> } = {
  communities: exactly<Collections['communities']>()(
    z.strictObject({
      _id: z.string().regex(/^C0[1-6]$/),
      name: z.string().min(2),
      county: z.string().refine((county): boolean => county === '红旗县'),
      street: z.string().min(2),
      address: z.string().min(4),
      createdAt: ts,
    }),
  ),
  units: exactly<Collections['units']>()(
    z.strictObject({
      _id: z.string().regex(/^U\d\d$/),
      name: z.string(),
      county: z.string().refine((county): boolean => county === '红旗县'),
      createdAt: ts,
    }),
  ),
  users: exactly<Collections['users']>()(
    z.strictObject({
      _id: z.string(),
      name: z.string(),
      grants: z
        .array(
          z.discriminatedUnion('role', [
            z.strictObject({ role: z.literal('staff'), communityId: z.string() }),
            z.strictObject({ role: z.literal('unitAdmin'), unitId: z.string() }),
            z.strictObject({ role: z.literal('countyAdmin') }),
          ]),
        )
        .min(1),
      createdAt: ts,
      updatedAt: ts,
    }),
  ),
  members: exactly<Collections['members']>()(
    z.strictObject({
      _id: z.string().regex(/^demo-member-\d{3}$/),
      name: z.string().min(2),
      phone: z.string().regex(/^1[358]\d{9}$/),
      unitId: z.string().regex(/^U\d\d$/),
      skills: z.array(z.string()),
      willingness: z.array(z.enum(SERVICE_KINDS)).min(1),
      pledge: z.string().min(5),
      pledgePublic: z.boolean(),
      status: z.enum(MEMBER_STATUSES).refine(only('unverified', 'verified', 'rejected')),
      registeredAt: ts,
      unitJoinedAt: ts,
      previousUnitId: z.string().optional(),
      verifiedBy: z.string().optional(),
      verifiedAt: ts.optional(),
      changedAfterVerifyAt: absent,
      lastTransferAt: ts.optional(),
      deletedAt: absent,
      communityId: z.string().optional(),
      checkInId: z.string().optional(),
      checkedInAt: ts.optional(),
      serviceCardNo: z.string().regex(SERVICE_CARD_NO).optional(),
      updatedAt: ts,
    }),
  ),
  checkIns: exactly<Collections['checkIns']>()(
    z.strictObject({
      _id: z.string(),
      memberId: z.string(),
      unitId: z.string(),
      communityId: z.string(),
      status: z.enum(CHECK_IN_STATUSES).refine(only('active', 'transferred')),
      checkedInAt: ts,
      endedAt: ts.optional(),
      transferredTo: z.string().optional(),
    }),
  ),
  serviceCards: exactly<Collections['serviceCards']>()(
    z.strictObject({ _id: z.string(), memberId: z.string(), communityId: z.string(), issuedAt: ts }),
  ),
  counters: exactly<Collections['counters']>()(z.strictObject({ _id: z.string(), value: z.number().int().positive() })),
  auditLogs: exactly<Collections['auditLogs']>()(
    z
      .strictObject({
        _id: z.string().optional(),
        action: z
          .enum(AUDIT_ACTIONS)
          .refine(
            only(
              'member.verify',
              'member.reject',
              'role.grant',
              'record.confirm',
              'record.reject',
              'record.staffAttendance',
              'order.publish',
              'order.merge',
              'order.reject',
              'order.postOnBehalf',
            ),
          ),
        actorId: z.string(),
        targetId: z.string(),
        at: ts,
        detail: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).optional(),
      })
      .refine((entry) => entry._id !== undefined),
  ),
  posts: exactly<Collections['posts']>()(
    z.strictObject({
      _id: z.string().regex(/^demo-post-C0[1-6]-\d$/),
      communityId: z.string().regex(/^C0[1-6]$/),
      kind: z.enum(POST_KINDS),
      duty: z.string().min(2).max(200),
      forWhom: z.string().min(2).max(60),
      capacity: z.number().int().positive(),
      until: ts,
      status: z.enum(['open', 'closed']),
      claimCount: z.number().int().nonnegative(),
      createdBy: z.string().regex(/^demo-staff-C0[1-6]$/),
      createdAt: ts,
      updatedAt: ts,
      closedAt: ts.optional(),
    }),
  ),
  postClaims: exactly<Collections['postClaims']>()(
    z.strictObject({
      _id: z.string(),
      postId: z.string(),
      communityId: z.string(),
      memberId: z.string(),
      unitId: z.string(),
      status: z.enum(['active', 'left']),
      claimedAt: ts,
      leftAt: ts.optional(),
    }),
  ),
  activities: exactly<Collections['activities']>()(
    z.strictObject({
      _id: z.string(),
      communityId: z.string(),
      title: z.string().min(2).max(40),
      place: z.string().min(2).max(60),
      startsAt: ts,
      endsAt: ts,
      geo: z
        .strictObject({ latitude: z.number(), longitude: z.number(), radiusMeters: z.number().min(50).max(5000) })
        .nullable(),
      capacity: z.number().int().positive(),
      postId: z.string().nullable(),
      codeSeconds: z.number().int().min(5).max(30),
      signUpCount: z.number().int().nonnegative(),
      status: z.enum(['scheduled', 'cancelled']).refine(only('scheduled')),
      createdBy: z.string(),
      createdAt: ts,
      updatedAt: ts,
    }),
  ),
  activitySecrets: exactly<Collections['activitySecrets']>()(
    z.strictObject({ _id: z.string(), secret: z.string().regex(HEX64) }),
  ),
  activitySignUps: exactly<Collections['activitySignUps']>()(
    z.strictObject({ _id: z.string(), activityId: z.string(), communityId: z.string(), memberId: z.string(), at: ts }),
  ),
  codeHolds: exactly<Collections['codeHolds']>()(
    z.strictObject({
      _id: z.string(),
      activityId: z.string(),
      step: z.number().int(),
      heldAt: ts,
      redeemedBy: z.string().optional(),
      redeemedAt: ts.optional(),
    }),
  ),
  serviceRecords: exactly<Collections['serviceRecords']>()(
    z.strictObject({
      _id: z.string(),
      communityId: z.string(),
      memberId: z.string().regex(/^demo-member-\d{3}$/),
      unitId: z.string().regex(/^U\d\d$/),
      source: z.enum(RECORD_SOURCES).refine(only('activity', 'selfReported', 'order')),
      postId: z.string().nullable(),
      activityId: z.string().nullable(),
      orderId: z
        .string()
        .regex(/^demo-order-C0[1-6]-\d\d$/)
        .nullable(),
      rating: RATING.nullable(),
      description: z.string().min(2).max(300),
      startAt: ts,
      endAt: ts,
      minutes,
      creditMinutes: minutes,
      photos: z.array(z.string()).max(0),
      attendance: z
        .strictObject({
          signedInAt: ts,
          signedOutAt: ts.nullable(),
          signOutMissing: z.boolean(),
          signInLocation: z.enum(LOCATION_CHECKS),
          signOutLocation: z.enum(LOCATION_CHECKS).nullable(),
        })
        .nullable(),
      recordedBy: z.string(),
      recordedByName: z.string(),
      byStaff: z.boolean(),
      correctsId: z.string().nullable(),
      status: z.enum(RECORD_STATUSES),
      pendingSince: ts,
      createdAt: ts,
      updatedAt: ts,
      decidedBy: z.string().optional(),
      decidedByName: z.string().optional(),
      decidedAt: ts.optional(),
      rejectReason: z.string().optional(),
      ledgerSeq: z.number().int().positive().optional(),
    }),
  ),
  ledgerEntries: exactly<Collections['ledgerEntries']>()(
    z.strictObject({
      _id: z.string(),
      communityId: z.string(),
      seq: z.number().int().positive(),
      recordId: z.string(),
      recordHash: z.string().regex(HEX64),
      prevHash: z.string().regex(HEX64),
      hash: z.string().regex(HEX64),
      at: ts,
    }),
  ),
  ledgerHeads: exactly<Collections['ledgerHeads']>()(
    z.strictObject({ _id: z.string(), seq: z.number().int().positive(), hash: z.string().regex(HEX64), updatedAt: ts }),
  ),
  tallies: exactly<Collections['tallies']>()(
    z.strictObject({
      _id: z.string(),
      key: z.string(),
      shard: z
        .number()
        .int()
        .refine((shard): boolean => shard === 0),
      minutes: z.number().int().positive(),
      records: z.number().int().positive(),
    }),
  ),
  residents: exactly<Collections['residents']>()(
    z.strictObject({
      _id: z.string().regex(/^demo-resident-\d\d$/),
      name: z.string().min(2).max(20),
      phone: z.string().regex(RESIDENT_PHONE),
      communityId: z.string().regex(/^C0[1-6]$/),
      compound: z.string().min(2).max(30),
      building: z.string().min(1).max(12),
      unit: z.string().min(1).max(12),
      room: z.string().min(1).max(12),
      createdAt: ts,
      updatedAt: ts,
    }),
  ),
  orders: exactly<Collections['orders']>()(
    z.strictObject({
      _id: z.string().regex(/^demo-order-C0[1-6]-\d\d$/),
      communityId: z.string().regex(/^C0[1-6]$/),
      kind: z.enum(ORDER_KINDS),
      text: z.string().min(4).max(300),
      wantedBy: ts,
      photos: z.array(z.string()).max(0),
      compound: z.string().min(2).max(30),
      residentId: z.string().nullable(),
      onBehalf: z.strictObject({ staffId: z.string(), staffName: z.string() }).nullable(),
      status: z.enum(ORDER_STATUSES),
      createdAt: ts,
      updatedAt: ts,
      publishedAt: ts.nullable(),
      reviewedBy: z
        .string()
        .regex(/^demo-staff-C0[1-6]$/)
        .nullable(),
      reviewedByName: z.string().nullable(),
      rejectReason: z.string().min(4).max(100).nullable(),
      mergedInto: z.string().nullable(),
      takerId: z
        .string()
        .regex(/^demo-member-\d{3}$/)
        .nullable(),
      takerName: z.string().nullable(),
      takerPhoneMasked: z
        .string()
        .regex(/^1\d\d\*{4}\d{4}$/)
        .nullable(),
      takenAt: ts.nullable(),
      releases: z.array(
        z.strictObject({ memberId: z.string(), memberName: z.string(), reason: z.string().min(2).max(100), at: ts }),
      ),
      doneAt: ts.nullable(),
      doneNote: z.string().min(2).max(300).nullable(),
      donePhotos: z.array(z.string()).max(0),
      serviceStartAt: ts.nullable(),
      serviceEndAt: ts.nullable(),
      rating: RATING.nullable(),
      recordId: z.string().nullable(),
      cancelledAt: ts.nullable(),
    }),
  ),
  orderContacts: exactly<Collections['orderContacts']>()(
    z.strictObject({
      _id: z.string(),
      communityId: z.string(),
      name: z.string().min(2),
      phone: z.string().regex(RESIDENT_PHONE),
      address: z.string().min(2),
    }),
  ),
  subscriptions: exactly<Collections['subscriptions']>()(
    z.strictObject({
      _id: z.string(),
      openid: z.string(),
      key: z.string().refine((key): boolean => (SUBSCRIBE_KEYS as readonly string[]).includes(key)),
      count: z.number().int().positive(),
      updatedAt: ts,
    }),
  ),
  settings: exactly<Collections['settings']>()(
    z.strictObject({
      _id: z.string(),
      codeSeconds: z.number().optional(),
      signInEarlyMinutes: z.number().optional(),
      signOutAfterSeconds: z.number().optional(),
      dailyCapHours: z.number().optional(),
      yearlyGoalHours: z.number().optional(),
      highlightAfterHours: z.number().optional(),
      countyAfterHours: z.number().optional(),
      starHours: z.tuple([z.number(), z.number(), z.number(), z.number(), z.number()]).optional(),
    }),
  ),
};

describe('buildDemoData', () => {
  const data: DemoData = buildDemoData(NOW);

  test('every document has exactly the shape of types/documents.ts', () => {
    for (const name of DEMO_COLLECTIONS) {
      for (const doc of data[name]) schemas[name].parse(doc);
    }
  });

  test('one county, 6 communities, 20 units, 200 members, about 75% verified and 60% of those checked in', () => {
    expect(data.communities.map((c) => c._id)).toEqual(['C01', 'C02', 'C03', 'C04', 'C05', 'C06']);
    expect(data.units.map((u) => u._id)).toEqual(
      Array.from({ length: 20 }, (_, i) => `U${String(i + 1).padStart(2, '0')}`),
    );
    expect(data.members).toHaveLength(200);
    const verified = data.members.filter((m) => m.status === 'verified');
    const checkedIn = verified.filter((m) => m.communityId);
    expect(verified.length / 200).toBeGreaterThan(0.7);
    expect(verified.length / 200).toBeLessThan(0.8);
    expect(checkedIn.length / verified.length).toBeGreaterThan(0.55);
    expect(checkedIn.length / verified.length).toBeLessThan(0.65);
    expect(data.members.filter((m) => m.status === 'rejected').length).toBeGreaterThanOrEqual(2);
    expect(new Set(data.members.map((m) => m.unitId)).size).toBe(20);
    expect(new Set(data.members.map((m) => m.phone)).size).toBe(200);
  });

  test('only verified members are checked in; each check-in, card and member agree', () => {
    const cards = new Map(data.serviceCards.map((c) => [c._id, c]));
    const checkIns = new Map(data.checkIns.map((c) => [c._id, c]));
    for (const m of data.members) {
      expect(m.registeredAt).toBeLessThanOrEqual(NOW);
      expect(m.unitJoinedAt).toBeGreaterThanOrEqual(m.registeredAt);
      if (m.status !== 'unverified') expect(m.verifiedBy).toBe(`demo-unitadmin-${m.unitId}`);
      else expect(m.verifiedBy).toBeUndefined();
      if (m.status !== 'verified') {
        expect(m.communityId).toBeUndefined();
        continue;
      }
      if (!m.communityId) {
        expect(m.serviceCardNo).toBeUndefined();
        continue;
      }
      const active = checkIns.get(m.checkInId!);
      expect(active).toMatchObject({ memberId: m._id, communityId: m.communityId, status: 'active', unitId: m.unitId });
      expect(active!.checkedInAt).toBe(m.checkedInAt);
      expect(cards.get(m.serviceCardNo!)).toMatchObject({ memberId: m._id });
      expect(data.checkIns.filter((c) => c.memberId === m._id && c.status === 'active')).toHaveLength(1);
    }
    expect(data.serviceCards).toHaveLength(data.members.filter((m) => m.serviceCardNo).length);
  });

  test('each counter holds the number of 活动证 it issued, numbered 1…n in order of issue', () => {
    expect(data.serviceCards.every((c) => SERVICE_CARD_NO.test(c._id))).toBe(true);
    const byCounter = new Map<string, typeof data.serviceCards>();
    for (const card of [...data.serviceCards].sort((a, b) => a.issuedAt - b.issuedAt)) {
      const counter = Number(card._id.slice(6, 8));
      const id = serviceCardCounterId(chinaYear(card.issuedAt), counter);
      byCounter.set(id, [...(byCounter.get(id) ?? []), card]);
    }
    const cardCounters = data.counters.filter((c) => !c._id.startsWith('ordersDone-'));
    expect(cardCounters.map((c) => c._id).sort()).toEqual([...byCounter.keys()].sort());
    for (const [id, cards] of byCounter) {
      const [year, counter] = id.split('-').slice(1).map(Number);
      expect(data.counters.find((c) => c._id === id)!.value).toBe(cards.length);
      expect(cards.map((c) => c._id)).toEqual(cards.map((_, i) => formatServiceCardNo(year, counter, i + 1)));
    }
  });

  test('users: staff, unit admins and the county admin (members hold their role by confirmation); grants and confirmations logged', () => {
    const users = new Map(data.users.map((u) => [u._id, u]));
    for (const c of data.communities) {
      expect(users.get(`demo-staff-${c._id}`)).toMatchObject({ grants: [{ role: 'staff', communityId: c._id }] });
    }
    for (const u of data.units) {
      expect(users.get(`demo-unitadmin-${u._id}`)).toMatchObject({ grants: [{ role: 'unitAdmin', unitId: u._id }] });
    }
    expect(users.get('demo-county-admin')).toMatchObject({ grants: [{ role: 'countyAdmin' }] });
    const verified = data.members.filter((m) => m.status === 'verified');
    for (const m of data.members) expect(users.has(m._id)).toBe(false);
    expect(data.users).toHaveLength(1 + 6 + 20);
    const grants = data.auditLogs.filter((a) => a.action === 'role.grant');
    expect(grants).toHaveLength(26);
    expect(grants.every((g) => g.actorId === 'demo-county-admin')).toBe(true);
    const verifies = data.auditLogs.filter((a) => a.action === 'member.verify');
    expect(verifies.map((v) => v.targetId).sort()).toEqual(verified.map((m) => m._id).sort());
    for (const v of verifies) expect(v.actorId).toMatch(/^demo-unitadmin-U\d\d$/);
    for (const id of ['demo-resident-01', 'demo-newcomer-1']) {
      expect(users.has(id)).toBe(false);
      expect(data.members.some((m) => m._id === id)).toBe(false);
    }
  });

  test('U01 (the demo unit admin’s) has new, unverified and transferred members not checked in', () => {
    const u01 = data.members.filter((m) => m.unitId === 'U01');
    const recent = (m: { unitJoinedAt: number }) => NOW - m.unitJoinedAt < 30 * DAY;
    expect(
      u01.filter((m) => m.status === 'unverified' && recent(m) && !m.previousUnitId).length,
    ).toBeGreaterThanOrEqual(2);
    expect(u01.some((m) => m.previousUnitId && recent(m) && !m.communityId)).toBe(true);
    expect(u01.filter((m) => m.status === 'verified' && !m.communityId).length).toBeGreaterThanOrEqual(3);
    expect(u01.filter((m) => m.communityId).length).toBeGreaterThanOrEqual(4);
    const byId = new Map(data.members.map((m) => [m._id, m]));
    expect(byId.get(DEMO_PERSONAS.memberUnverified)).toMatchObject({ unitId: 'U01', status: 'unverified' });
    expect(byId.get(DEMO_PERSONAS.memberVerified)).toMatchObject({ unitId: 'U01', status: 'verified' });
    expect(byId.get(DEMO_PERSONAS.memberVerified)!.communityId).toBeUndefined();
    expect(byId.get(DEMO_PERSONAS.memberCheckedIn)).toMatchObject({ unitId: 'U01', communityId: 'C01' });
    expect(byId.get(DEMO_PERSONAS.memberTransferredIn)!.previousUnitId).toMatch(/^U\d\d$/);
    expect(byId.get(DEMO_PERSONAS.memberRejected)!.status).toBe('rejected');
    const moved = data.checkIns.filter((c) => c.memberId === DEMO_PERSONAS.memberMovedHome);
    expect(moved.map((c) => [c.communityId, c.status])).toEqual([
      ['C03', 'transferred'],
      ['C01', 'active'],
    ]);
    expect(moved[0]).toMatchObject({ transferredTo: 'C01', endedAt: moved[1].checkedInAt });
    expect(data.checkIns.filter((c) => c.status === 'transferred')).toHaveLength(1);
  });

  test('deterministic: the same moment gives the same documents, any moment the same people', () => {
    expect(buildDemoData(NOW)).toEqual(data);
    const later = buildDemoData(NOW + 200 * DAY);
    const who = (d: DemoData) => d.members.map((m) => [m._id, m.name, m.phone, m.unitId, m.status, m.communityId]);
    expect(who(later)).toEqual(who(data));
    const recentLater = later.members.filter((m) => NOW + 200 * DAY - m.unitJoinedAt < 30 * DAY).map((m) => m._id);
    const recentNow = data.members.filter((m) => NOW - m.unitJoinedAt < 30 * DAY).map((m) => m._id);
    expect(recentLater).toEqual(recentNow);
  });

  test('the identity list: every seeded person once, with Chinese names; residents as the app calls them', () => {
    const ids = DEMO_IDENTITIES.map((i) => i.openid);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(1 + 6 + 20 + 200 + 3 + 5 + data.residents.length);
    for (const m of data.members) expect(findDemoIdentity(m._id)).toMatchObject({ name: m.name, role: 'member' });
    for (const i of DEMO_IDENTITIES.filter((identity) => identity.role !== 'resident')) {
      expect(i.name).toMatch(/^\p{Script=Han}{2,3}$/u);
    }
    // Residents keep no name: the app shows 姓名 未填写, and the sign-in page says the same.
    const profiles = new Set(data.residents.map((r) => r._id));
    const residents = DEMO_IDENTITIES.filter((i) => i.role === 'resident' && !profiles.has(i.openid)).map(
      (i) => i.name,
    );
    expect(residents).toEqual([1, 2, 3, 4, 5].map((n) => `居民（未填写姓名）·演示居民${n}`));
    // Residents who gave a profile are listed by the name they gave.
    for (const r of data.residents) expect(findDemoIdentity(r._id)).toMatchObject({ name: r.name, role: 'resident' });
    for (const id of Object.values(DEMO_PERSONAS)) expect(findDemoIdentity(id)?.featured).toBe(true);
  });
});

describe('buildDemoData: trusted hours', () => {
  const data: DemoData = buildDemoData(NOW);
  const members = new Map(data.members.map((m) => [m._id, m]));
  const HOUR = 3_600_000;

  test('posts of several kinds in every community; claimCount is the active claims, within capacity, by members checked in there', () => {
    for (const c of data.communities) {
      const posts = data.posts.filter((p) => p.communityId === c._id);
      expect(new Set(posts.map((p) => p.kind)).size).toBeGreaterThanOrEqual(3);
      expect(posts.some((p) => p.claimCount > 0)).toBe(true);
    }
    for (const post of data.posts) {
      const active = data.postClaims.filter((claim) => claim.postId === post._id && claim.status === 'active');
      expect(post.claimCount).toBe(active.length);
      expect(post.claimCount).toBeLessThanOrEqual(post.capacity);
    }
    for (const claim of data.postClaims) {
      expect(claim._id).toBe(`${claim.postId}_${claim.memberId}`);
      const member = members.get(claim.memberId)!;
      expect(member).toMatchObject({ status: 'verified', communityId: claim.communityId, unitId: claim.unitId });
      expect(claim.claimedAt).toBeGreaterThan(member.checkedInAt!);
      expect(claim.claimedAt).toBeLessThan(NOW);
    }
  });

  test('a past, a current (now ± 1 h) and an upcoming activity per community, each with a secret; sign-ups counted', () => {
    for (const c of data.communities) {
      const activities = data.activities.filter((a) => a.communityId === c._id);
      expect(activities.some((a) => a.endsAt < NOW)).toBe(true);
      expect(activities.some((a) => a.startsAt <= NOW - HOUR + 60_000 && a.endsAt >= NOW + HOUR - 60_000)).toBe(true);
      expect(activities.some((a) => a.startsAt > NOW)).toBe(true);
    }
    expect(data.activitySecrets.map((s) => s._id).sort()).toEqual(data.activities.map((a) => a._id).sort());
    for (const activity of data.activities) {
      const signUps = data.activitySignUps.filter((s) => s.activityId === activity._id);
      expect(activity.signUpCount).toBe(signUps.length);
      for (const signUp of signUps) {
        expect(signUp._id).toBe(`${activity._id}_${signUp.memberId}`);
        expect(members.get(signUp.memberId)!.communityId).toBe(activity.communityId);
        expect(signUp.at).toBeLessThan(Math.min(activity.startsAt, NOW));
      }
    }
  });

  test('records: begun in the past, by members checked in there, hours as the functions count them, no overlaps; photos left out', () => {
    const activities = new Map(data.activities.map((a) => [a._id, a]));
    for (const r of data.serviceRecords) {
      const member = members.get(r.memberId)!;
      expect(member).toMatchObject({ communityId: r.communityId, unitId: r.unitId });
      expect(r.startAt).toBeLessThan(NOW);
      if (r.status !== 'signedIn') expect(r.endAt).toBeLessThan(NOW);
      expect(r.startAt).toBeGreaterThan(member.checkedInAt!);
      expect(r.creditMinutes).toBe(r.minutes);
      if (r.source === 'activity') {
        const activity = activities.get(r.activityId!)!;
        expect(r._id).toBe(attendanceRecordId(activity._id, r.memberId));
        const { signedInAt, signedOutAt } = r.attendance!;
        if (r.status === 'signedIn') {
          expect(r).toMatchObject({ minutes: 0, endAt: activity.endsAt, attendance: { signedOutAt: null } });
        } else {
          expect(r.minutes).toBe(attendanceMinutes(activity, signedInAt, signedOutAt));
        }
      } else if (r.source === 'order') {
        expect(r.minutes).toBe((r.endAt - r.startAt) / 60_000);
        expect(data.orders.find((o) => o._id === r.orderId)).toMatchObject({ takerId: r.memberId, recordId: r._id });
      } else {
        expect(r.minutes).toBe((r.endAt - r.startAt) / 60_000);
        expect(
          data.postClaims.some((c) => c.postId === r.postId && c.memberId === r.memberId && c.claimedAt < r.startAt),
        ).toBe(true);
      }
      if (r.status === 'confirmed' || r.status === 'rejected') {
        expect(r.decidedBy).toBe(`demo-staff-${r.communityId}`);
        expect(r.decidedAt).toBeGreaterThan(r.createdAt);
        expect(r.decidedAt).toBeLessThan(NOW);
      }
      const others = data.serviceRecords.filter((o) => o.memberId === r.memberId && o._id !== r._id);
      for (const o of others) expect(o.endAt <= r.startAt || o.startAt >= r.endAt).toBe(true);
    }
  });

  test('every ledger verifies (domain/ledger-check.ts, and by hand): entries chain from the genesis hash to the head and stamp each confirmed record as stored', () => {
    const records = new Map(data.serviceRecords.map((r) => [r._id, r]));
    for (const c of data.communities) {
      const entries = data.ledgerEntries.filter((e) => e.communityId === c._id).sort((a, b) => a.seq - b.seq);
      let prevHash = GENESIS_HASH;
      entries.forEach((entry, i) => {
        expect(entry._id).toBe(ledgerEntryId(c._id, i + 1));
        expect(entry.seq).toBe(i + 1);
        expect(entry.prevHash).toBe(prevHash);
        expect(entry.hash).toBe(entryHash(entry));
        const record = records.get(entry.recordId)!;
        expect(record).toMatchObject({ status: 'confirmed', ledgerSeq: entry.seq, communityId: c._id });
        expect(entry.recordHash).toBe(recordHash(record));
        expect(entry.at).toBe(record.decidedAt);
        prevHash = entry.hash;
      });
      const confirmed = data.serviceRecords.filter((r) => r.communityId === c._id && r.status === 'confirmed');
      expect(entries.map((e) => e.recordId).sort()).toEqual(confirmed.map((r) => r._id).sort());
      expect(entries.length).toBeGreaterThan(0);
      const head = data.ledgerHeads.find((h) => h._id === c._id) ?? null;
      const walked = checkLedger({
        communityId: c._id,
        entries,
        head,
        records: new Map(data.serviceRecords.filter((r) => r.communityId === c._id).map((r) => [r._id, r])),
      });
      expect(walked).toEqual({ entries: entries.length, problems: [] });
      expect(data.ledgerHeads.find((h) => h._id === c._id)).toEqual({
        _id: c._id,
        seq: entries.length,
        hash: prevHash,
        updatedAt: entries.at(-1)!.at,
      });
    }
    for (const r of data.serviceRecords) if (r.status !== 'confirmed') expect(r.ledgerSeq).toBeUndefined();
  });

  test('tallies equal the sums of the confirmed records, each total on one shard', () => {
    const sums = new Map<string, { minutes: number; records: number }>();
    for (const r of data.serviceRecords.filter((record) => record.status === 'confirmed')) {
      const credit = { ...r, at: r.startAt, minutes: r.creditMinutes, records: 1 };
      for (const key of keysOf(credit)) {
        const sum = sums.get(key) ?? { minutes: 0, records: 0 };
        sums.set(key, { minutes: sum.minutes + credit.minutes, records: sum.records + 1 });
      }
    }
    expect(data.tallies).toHaveLength(sums.size);
    for (const tally of data.tallies) {
      expect(tally._id).toBe(tallyDocId(tally.key, tally.shard));
      expect({ minutes: tally.minutes, records: tally.records }).toEqual(sums.get(tally.key));
    }
  });

  test('the featured member has claims and confirmed, pending and rejected records; C01’s staff has a queue with waits over 48 h and 96 h', () => {
    const me = DEMO_PERSONAS.memberCheckedIn;
    expect(data.postClaims.filter((c) => c.memberId === me && c.status === 'active').length).toBeGreaterThanOrEqual(1);
    const mine = data.serviceRecords.filter((r) => r.memberId === me);
    for (const status of ['confirmed', 'pending', 'rejected']) expect(mine.some((r) => r.status === status)).toBe(true);
    const queue = data.serviceRecords.filter((r) => r.communityId === 'C01' && r.status === 'pending');
    const ages = queue.map((r) => (NOW - r.pendingSince) / HOUR);
    expect(ages.some((age) => age > 48 && age < 96)).toBe(true);
    expect(ages.some((age) => age > 96)).toBe(true);
    expect(ages.some((age) => age < 48)).toBe(true);
    const activities = new Map(data.activities.map((a) => [a._id, a]));
    const signedIn = data.serviceRecords.filter((r) => r.communityId === 'C01' && r.status === 'signedIn');
    // one never signed out of the past activity (staff close it at its end), and people at the current one now
    expect(signedIn.some((r) => activities.get(r.activityId!)!.endsAt < NOW)).toBe(true);
    expect(signedIn.some((r) => activities.get(r.activityId!)!.endsAt > NOW)).toBe(true);
    expect(signedIn.some((r) => r.memberId === me)).toBe(false);
    expect(data.serviceRecords.some((r) => r.communityId === 'C01' && r.byStaff)).toBe(true);
    expect(findDemoIdentity(me)?.featured).toBe(true);
    expect(findDemoIdentity(DEMO_PERSONAS.staff)?.featured).toBe(true);
  });

  test('every confirmation and rejection is logged by the staff who made it', () => {
    const decided = data.serviceRecords.filter((r) => r.status === 'confirmed' || r.status === 'rejected');
    for (const r of decided) {
      const action = r.status === 'confirmed' ? 'record.confirm' : 'record.reject';
      const logged = data.auditLogs.filter((a) => a.action === action && a.targetId === r._id);
      expect(logged).toHaveLength(1);
      expect(logged[0]).toMatchObject({ actorId: r.decidedBy, at: r.decidedAt });
    }
  });
});

describe('buildDemoData: requests (点单)', () => {
  const data: DemoData = buildDemoData(NOW);
  const HOUR = 3_600_000;
  const residents = new Map(data.residents.map((r) => [r._id, r]));
  const members = new Map(data.members.map((m) => [m._id, m]));
  const c01 = data.orders.filter((o) => o.communityId === 'C01');

  test('requests in every state, in C01 (the demo staff’s community) alone; every community has one published and one rated', () => {
    for (const status of ORDER_STATUSES) expect(c01.some((o) => o.status === status)).toBe(true);
    for (const c of data.communities) {
      const own = data.orders.filter((o) => o.communityId === c._id);
      expect(own.some((o) => o.status === 'published')).toBe(true);
      expect(own.some((o) => o.status === 'rated')).toBe(true);
    }
    // One published over 48 h ago and untaken (escalated), one taken past its wanted time, one posted by staff.
    expect(c01.some((o) => o.status === 'published' && NOW - o.publishedAt! > 48 * HOUR)).toBe(true);
    expect(c01.some((o) => o.status === 'published' && NOW - o.publishedAt! < 48 * HOUR)).toBe(true);
    expect(c01.some((o) => o.status === 'taken' && o.wantedBy < NOW)).toBe(true);
    expect(c01.some((o) => o.onBehalf !== null && o.residentId === null)).toBe(true);
    expect(c01.some((o) => o.releases.length > 0 && o.status === 'taken')).toBe(true);
  });

  test('each state carries what the order function writes with it, in order of time, all in the past', () => {
    for (const o of data.orders) {
      expect(o.createdAt).toBeLessThan(NOW);
      expect(o.wantedBy).toBeGreaterThan(o.createdAt);
      expect(o.updatedAt).toBeLessThan(NOW);
      const reviewed = !['submitted', 'cancelled'].includes(o.status);
      expect(o.reviewedBy !== null).toBe(reviewed);
      if (reviewed) expect(o.reviewedBy).toBe(`demo-staff-${o.communityId}`);
      const published = ['published', 'taken', 'done', 'rated'].includes(o.status);
      expect(o.publishedAt !== null).toBe(published);
      const taken = ['taken', 'done', 'rated'].includes(o.status);
      expect(o.takerId !== null).toBe(taken);
      expect(o.takenAt !== null).toBe(taken);
      const done = ['done', 'rated'].includes(o.status);
      expect(o.doneAt !== null && o.recordId !== null && o.doneNote !== null).toBe(done);
      expect(o.rating !== null).toBe(o.status === 'rated');
      expect(o.rejectReason !== null).toBe(o.status === 'rejected');
      expect(o.mergedInto !== null).toBe(o.status === 'merged');
      expect(o.cancelledAt !== null).toBe(o.status === 'cancelled');
      if (o.residentId !== null) expect(residents.get(o.residentId)).toMatchObject({ communityId: o.communityId });
      if (o.onBehalf) expect(o.onBehalf.staffId).toBe(`demo-staff-${o.communityId}`);
      if (taken) {
        const taker = members.get(o.takerId!)!;
        expect(taker).toMatchObject({ status: 'verified', communityId: o.communityId, name: o.takerName });
        expect(o.takerPhoneMasked).toBe(`${taker.phone.slice(0, 3)}****${taker.phone.slice(-4)}`);
        expect(o.takenAt).toBeGreaterThan(o.publishedAt!);
        expect(o.takenAt).toBeGreaterThan(taker.checkedInAt!);
        for (const release of o.releases) expect(release.at).toBeLessThanOrEqual(o.publishedAt!);
      }
      if (done) {
        expect(o.serviceStartAt).toBeGreaterThan(o.takenAt!);
        expect(o.serviceEndAt).toBeGreaterThan(o.serviceStartAt!);
        expect(o.doneAt).toBeGreaterThanOrEqual(o.serviceEndAt!);
      }
      if (o.rating) expect(o.rating.at).toBeGreaterThan(o.doneAt!);
      if (o.mergedInto) {
        const into = data.orders.find((other) => other._id === o.mergedInto)!;
        expect(into.communityId).toBe(o.communityId);
        expect(into.publishedAt).toBeLessThan(o.updatedAt);
      }
    }
  });

  test('done requests’ records wait for the rating; rated ones’ wait for staff, with the rating as evidence', () => {
    const records = new Map(data.serviceRecords.map((r) => [r._id, r]));
    const fromOrders = data.serviceRecords.filter((r) => r.source === 'order');
    expect(fromOrders.map((r) => r._id).sort()).toEqual(
      data.orders
        .filter((o) => o.recordId)
        .map((o) => o.recordId)
        .sort(),
    );
    for (const o of data.orders.filter((order) => order.recordId)) {
      const record = records.get(o.recordId!)!;
      expect(record).toMatchObject({
        communityId: o.communityId,
        memberId: o.takerId,
        orderId: o._id,
        startAt: o.serviceStartAt,
        endAt: o.serviceEndAt,
        description: o.doneNote,
        rating: o.rating,
        status: o.status === 'rated' ? 'pending' : 'awaitingRating',
        pendingSince: o.status === 'rated' ? o.rating!.at : o.doneAt,
      });
      expect(record.unitId).toBe(members.get(o.takerId!)!.unitId);
    }
  });

  test('the done counters (this month and in all) count the rated requests, by the month of their rating', () => {
    const expected = new Map<string, number>();
    for (const o of data.orders.filter((order) => order.status === 'rated')) {
      const ids = doneCounterIds(o.communityId, o.rating!.at);
      for (const id of [ids.month, ids.all]) expected.set(id, (expected.get(id) ?? 0) + 1);
    }
    const held = data.counters.filter((c) => c._id.startsWith('ordersDone-'));
    expect(new Map(held.map((c) => [c._id, c.value]))).toEqual(expected);
    expect(held.length).toBeGreaterThanOrEqual(12);
  });

  test('contacts only for requests whose resident still has a profile (their own name, phone and door) or whom staff posted for', () => {
    const orders = new Map(data.orders.map((o) => [o._id, o]));
    for (const contact of data.orderContacts) {
      const order = orders.get(contact._id)!;
      expect(contact.communityId).toBe(order.communityId);
      if (order.residentId === null) {
        expect(order.onBehalf).not.toBeNull();
        continue;
      }
      const resident = residents.get(order.residentId)!;
      expect(contact).toEqual({
        _id: order._id,
        communityId: order.communityId,
        name: resident.name,
        phone: resident.phone,
        address: `${resident.building}${resident.unit}${resident.room}`,
      });
      expect(order.compound).toBe(resident.compound);
    }
    for (const o of data.orders) {
      const has = data.orderContacts.some((c) => c._id === o._id);
      expect(has).toBe(o.residentId !== null || o.onBehalf !== null);
    }
    // A finished request of a resident who deleted their data: kept, anonymised, with no contact.
    expect(data.orders.some((o) => o.status === 'rated' && o.residentId === null && o.onBehalf === null)).toBe(true);
  });

  test('residents’ phones are invented 139 numbers, none a member’s; the persona lives in C01 with a request to rate', () => {
    const phones = data.residents.map((r) => r.phone);
    expect(new Set(phones).size).toBe(phones.length);
    for (const phone of phones) expect(data.members.some((m) => m.phone === phone)).toBe(false);
    const persona = residents.get(DEMO_PERSONAS.residentWithProfile)!;
    expect(persona.communityId).toBe('C01');
    expect(findDemoIdentity(persona._id)).toMatchObject({ name: persona.name, role: 'resident', featured: true });
    const own = data.orders.filter((o) => o.residentId === persona._id);
    for (const status of ['submitted', 'taken', 'done'] as const)
      expect(own.some((o) => o.status === status)).toBe(true);
    for (const sub of data.subscriptions) expect(sub._id).toBe(`${sub.openid}_${sub.key}`);
  });

  test('every staff decision on a request is logged by the staff who made it', () => {
    const expected = data.orders.flatMap((o) => {
      if (o.onBehalf) return [['order.postOnBehalf', o._id]];
      if (o.status === 'rejected') return [['order.reject', o._id]];
      if (o.status === 'merged') return [['order.merge', o._id]];
      return o.publishedAt !== null ? [['order.publish', o._id]] : [];
    });
    const logged = data.auditLogs
      .filter((a) => a.action.startsWith('order.'))
      .map((a) => {
        expect(a.actorId).toBe(`demo-staff-${data.orders.find((o) => o._id === a.targetId)!.communityId}`);
        return [a.action, a.targetId];
      });
    expect(logged.sort()).toEqual(expected.sort());
  });
});

describe('seedDemoData through the app server', () => {
  let first: TestApp;
  beforeAll(async () => {
    first = await startTestApp();
  });
  afterAll(async () => {
    await first.close();
    first.cleanup();
  });

  test('the first start seeds; a restart on the same data folder changes nothing and keeps sessions', async () => {
    expect(first.app.seed).toEqual({
      seeded: true,
      counts: {
        communities: 6,
        units: 20,
        users: expect.any(Number),
        members: 200,
        checkIns: expect.any(Number),
        serviceCards: expect.any(Number),
        counters: expect.any(Number),
        auditLogs: expect.any(Number),
        posts: 24,
        postClaims: expect.any(Number),
        activities: 18,
        activitySecrets: 18,
        activitySignUps: expect.any(Number),
        codeHolds: 0,
        serviceRecords: expect.any(Number),
        ledgerEntries: expect.any(Number),
        ledgerHeads: 6,
        tallies: expect.any(Number),
        residents: expect.any(Number),
        orders: expect.any(Number),
        orderContacts: expect.any(Number),
        subscriptions: expect.any(Number),
        settings: 0,
      },
    });
    const counts = first.app.seed!.counts;
    const db = first.app.cloud.db;
    const cards = db.getDocument({ collectionName: 'serviceCards', limit: 1000 }).list.map((s) => JSON.parse(s));
    const counters = db.getDocument({ collectionName: 'counters' }).list.map((s) => JSON.parse(s));
    for (const counter of counters.filter((c: { _id: string }) => !c._id.startsWith('ordersDone-'))) {
      const [year, n] = counter._id.split('-').slice(1);
      expect(counter.value).toBe(cards.filter((c: { _id: string }) => c._id.startsWith(`HX${year}${n}`)).length);
    }
    const member = JSON.parse(
      db.getDocument({ collectionName: 'members', queryType: 'DOC', query: { _id: DEMO_PERSONAS.memberCheckedIn } })
        .list[0],
    );
    expect(typeof member.registeredAt).toBe('number');
    const cookie = await login(first.app, DEMO_PERSONAS.staff);
    await first.close();

    const again = await startTestApp({}, first.root);
    try {
      expect(again.app.seed).toEqual({ seeded: false, counts });
      expect((await callApi(again.app, 'echo', { action: 'ping' }, cookie)).status).toBe(200);
    } finally {
      await again.close();
    }
  });

  test('seed: false leaves the database empty', async () => {
    const bare = await startTestApp({ seed: false });
    try {
      expect(bare.app.seed).toBeNull();
      expect(bare.app.cloud.db.calculateDocument({ collectionName: 'members', query: {} }).total).toBe(0);
    } finally {
      await bare.close();
      bare.cleanup();
    }
  });
});
