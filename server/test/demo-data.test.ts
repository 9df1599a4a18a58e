import { z } from 'zod';
import {
  type AuditAction,
  type CheckInStatus,
  type CollectionName,
  type Collections,
  type MemberStatus,
  SERVICE_KINDS,
} from '../../types';
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
  'role.grant',
] as const satisfies AuditAction[];
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
        action: z.enum(AUDIT_ACTIONS).refine(only('member.verify', 'member.reject', 'role.grant')),
        actorId: z.string(),
        targetId: z.string(),
        at: ts,
        detail: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).optional(),
      })
      .refine((entry) => entry._id !== undefined),
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
    expect(data.counters.map((c) => c._id).sort()).toEqual([...byCounter.keys()].sort());
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
    expect(ids).toHaveLength(1 + 6 + 20 + 200 + 3 + 5);
    for (const m of data.members) expect(findDemoIdentity(m._id)).toMatchObject({ name: m.name, role: 'member' });
    for (const i of DEMO_IDENTITIES.filter((identity) => identity.role !== 'resident')) {
      expect(i.name).toMatch(/^\p{Script=Han}{2,3}$/u);
    }
    // Residents keep no name: the app shows 姓名 未填写, and the sign-in page says the same.
    const residents = DEMO_IDENTITIES.filter((identity) => identity.role === 'resident').map((i) => i.name);
    expect(residents).toEqual([1, 2, 3, 4, 5].map((n) => `居民（未填写姓名）·演示居民${n}`));
    for (const id of Object.values(DEMO_PERSONAS)) expect(findDemoIdentity(id)?.featured).toBe(true);
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
      },
    });
    const counts = first.app.seed!.counts;
    const db = first.app.cloud.db;
    const cards = db.getDocument({ collectionName: 'serviceCards', limit: 1000 }).list.map((s) => JSON.parse(s));
    const counters = db.getDocument({ collectionName: 'counters' }).list.map((s) => JSON.parse(s));
    for (const counter of counters) {
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
