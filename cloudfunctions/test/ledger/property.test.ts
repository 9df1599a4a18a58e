import fc from 'fast-check';
import type { TestCloud } from 'wx-local-cloud/testing';
import type { CollectionName, LedgerProblem, ServiceRecordDoc, TallyDoc } from '../../../types';
import { attendanceRecordId } from '../../../domain/attendance';
import { startOfChinaDay } from '../../../domain/periods';
import { codeStep, makeCode } from '../../../domain/sign-in-code';
import { creditOf, keysOf } from '../../../domain/tallies';
import { call, ok, snapshot } from '../helpers';
import { DAY, HOUR, MINUTE, checkedInMember, publishPost, startLedgerCloud, storedRecords, uploadPhoto } from './setup';

/**
 * Random sequences of reports, activity sign-ins and sign-outs, confirmations (single and batch), rejections and
 * corrections by random people over moving time, across the 16th of March (a half-month) and the 1st of April (a
 * half-month and a quarter, China time): afterwards every total equals the sum of the confirmed records, every refused
 * step changed nothing, and the ledger verifies; then records edited, deleted and inserted behind the functions are
 * named by the verification.
 */

const ACTORS = ['m-a', 'm-b', 'staff-C01', 'staff-C02', 'admin-U01'] as const;
type Actor = (typeof ACTORS)[number];
const MEMBERS = ['m-a', 'm-b'] as const;

/**
 * When the county is set up, and when each run starts: 16:00 China time on 1 April 2026, so that today's service and
 * that of the past weeks fall in two quarters and three half-months.
 */
const SETUP_AT = Date.UTC(2026, 2, 1, 1);
const RUN_AT = Date.UTC(2026, 3, 1, 8);

type Step =
  | { kind: 'report'; actor: Actor; daysBack: number; startHour: number; minutes: number }
  | { kind: 'scan'; actor: Actor }
  | { kind: 'advance'; ms: number }
  | { kind: 'confirm'; actor: Actor; picks: number[] }
  | { kind: 'reject'; actor: Actor; pick: number }
  | { kind: 'correct'; actor: Actor; pick: number; minutes: number };

const memberOrAnyone = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...MEMBERS) },
  { weight: 1, arbitrary: fc.constantFrom(...ACTORS) },
);
const staffOrAnyone = fc.oneof(
  { weight: 4, arbitrary: fc.constant('staff-C01' as const) },
  { weight: 1, arbitrary: fc.constantFrom(...ACTORS) },
);
const pick = fc.oneof(fc.nat({ max: 2 }), fc.nat({ max: 40 }));

const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('report' as const),
      actor: memberOrAnyone,
      daysBack: fc.oneof(fc.constant(0), fc.nat({ max: 18 })),
      startHour: fc.integer({ min: 6, max: 20 }),
      minutes: fc.integer({ min: 20, max: 240 }),
    }),
  },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('scan' as const), actor: memberOrAnyone }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('advance' as const),
      ms: fc.constantFrom(30_000, 2 * MINUTE, 20 * MINUTE, HOUR, 5 * HOUR, DAY),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('confirm' as const),
      actor: staffOrAnyone,
      picks: fc.array(pick, { minLength: 1, maxLength: 6 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('reject' as const), actor: staffOrAnyone, pick }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('correct' as const),
      actor: staffOrAnyone,
      pick,
      minutes: fc.integer({ min: 10, max: 180 }),
    }),
  },
);

/** What the steps write: a refused step must leave all of it as it was. */
const WRITTEN: CollectionName[] = [
  'serviceRecords',
  'ledgerEntries',
  'ledgerHeads',
  'tallies',
  'auditLogs',
  'activities',
  'codeHolds',
  'postClaims',
];
/** Cleared between runs (the people, their check-ins and claims stay). */
const PER_RUN: CollectionName[] = [
  'serviceRecords',
  'ledgerEntries',
  'ledgerHeads',
  'tallies',
  'auditLogs',
  'activities',
  'activitySecrets',
  'activitySignUps',
  'codeHolds',
];

let t: TestCloud;
/** What the runs covered, across all of them. */
const TALLY_KEYS = new Set<string>();
let stamped = 0;
let postId: string;

beforeAll(async () => {
  t = await startLedgerCloud();
  t.cloud.clock.setTime(SETUP_AT);
  await checkedInMember(t, 'm-a', 'C01', 'U01');
  await checkedInMember(t, 'm-b', 'C01', 'U02');
  postId = await publishPost(t, 'C01');
  for (const member of MEMBERS) await ok(t, member, 'post', 'claim', { postId });
});
afterAll(async () => {
  t.cloud.clock.reset();
  await t.close();
});

async function clearRun(): Promise<void> {
  for (const name of PER_RUN)
    await t.db
      .collection(name)
      .where({ _id: t._.exists(true) })
      .remove();
}

/** Each total (shards added up) as the functions kept it, and as the confirmed records say it should be. */
async function totals(): Promise<{ kept: Map<string, string>; recomputed: Map<string, string> }> {
  const { data } = (await t.db.collection('tallies').limit(1000).get()) as { data: TallyDoc[] };
  const sums = (entries: Array<[string, number, number]>) => {
    const map = new Map<string, [number, number]>();
    for (const [key, minutes, records] of entries) {
      const [m, r] = map.get(key) ?? [0, 0];
      map.set(key, [m + minutes, r + records]);
    }
    return new Map([...map].sort().map(([key, [m, r]]) => [key, `${m} min / ${r}`]));
  };
  const confirmed = await storedRecords(t, { status: 'confirmed' });
  return {
    kept: sums(data.map((doc) => [doc.key, doc.minutes, doc.records])),
    recomputed: sums(
      confirmed.flatMap((record) => {
        const credit = creditOf(record);
        return keysOf(credit).map((key): [string, number, number] => [key, credit.minutes, credit.records]);
      }),
    ),
  };
}

async function verified(): Promise<Map<string, { entries: number; problems: LedgerProblem[] }>> {
  const { communities } = await ok(t, 'county', 'record', 'verifyLedger', {});
  return new Map(communities.map((check) => [check.community.id, check]));
}

/** Runs one step; answers whether it was refused. */
async function run(
  current: Step,
  ctx: { records: string[]; activityId: string; secret: string; codeSeconds: number },
): Promise<{ ok: boolean; code?: string }> {
  const now = t.cloud.clock.now();
  // Counted from the newest: a pick is more often a record still waiting.
  const at = (index: number) => ctx.records[ctx.records.length - 1 - (index % ctx.records.length)];
  switch (current.kind) {
    case 'advance':
      t.cloud.clock.advance(current.ms);
      return { ok: true };
    case 'report': {
      const startAt = startOfChinaDay(now - current.daysBack * DAY) + current.startHour * HOUR;
      const photos = [await uploadPhoto(t, current.actor)];
      const result = await call(t, current.actor, 'record', 'report', {
        postId,
        startAt,
        endAt: startAt + current.minutes * MINUTE,
        description: '清理楼道杂物',
        photos,
      });
      if (result.ok) ctx.records.push(result.data.record.id);
      return result;
    }
    case 'scan': {
      const code = makeCode(ctx.activityId, codeStep(now, ctx.codeSeconds), ctx.secret);
      const result = await call(t, current.actor, 'activity', 'scan', { code, location: null });
      const id = attendanceRecordId(ctx.activityId, current.actor);
      if (result.ok && result.data.outcome === 'signedIn' && !ctx.records.includes(id)) ctx.records.push(id);
      return result;
    }
    case 'confirm': {
      if (ctx.records.length === 0) return { ok: true };
      return call(t, current.actor, 'record', 'confirm', { recordIds: current.picks.map(at) });
    }
    case 'reject': {
      if (ctx.records.length === 0) return { ok: true };
      return call(t, current.actor, 'record', 'reject', { recordId: at(current.pick), reason: '照片看不清服务内容' });
    }
    case 'correct': {
      if (ctx.records.length === 0) return { ok: true };
      const recordId = at(current.pick);
      const { data: original } = (await t.db.collection('serviceRecords').doc(recordId).get()) as {
        data: ServiceRecordDoc;
      };
      const result = await call(t, current.actor, 'record', 'correct', {
        recordId,
        startAt: original.startAt,
        endAt: original.startAt + current.minutes * MINUTE,
        note: '按签到表更正时长',
      });
      if (result.ok) ctx.records.push(result.data.record.id);
      return result;
    }
  }
}

test('totals equal the confirmed records, refusals change nothing, the ledger verifies and names tampering', async () => {
  let runs = 0;
  await fc.assert(
    fc.asyncProperty(fc.array(step, { minLength: 8, maxLength: 24 }), async (steps) => {
      runs += 1;
      await clearRun();
      t.cloud.clock.setTime(RUN_AT);
      const start = t.cloud.clock.now();
      const { activity } = await ok(t, 'staff-C01', 'activity', 'save', {
        title: '清理楼道杂物',
        place: '东街社区活动室',
        startsAt: start + 15 * MINUTE,
        endsAt: start + 3 * HOUR,
        geo: null,
        capacity: 20,
        postId,
      });
      const key = await ok(t, 'staff-C01', 'activity', 'getCodeKey', { activityId: activity.id });
      const ctx = {
        records: [] as string[],
        activityId: activity.id,
        orderId: null,
        rating: null,
        secret: key.secret,
        codeSeconds: key.codeSeconds,
      };

      for (const current of steps) {
        const before = current.kind === 'advance' ? '' : await snapshot(t, WRITTEN);
        const result = await run(current, ctx);
        if (!result.ok)
          expect({ step: current, after: await snapshot(t, WRITTEN) }).toEqual({ step: current, after: before });
      }

      const { kept, recomputed } = await totals();
      expect(kept).toEqual(recomputed);
      for (const key of kept.keys()) TALLY_KEYS.add(key);

      const confirmed = (await storedRecords(t, { communityId: 'C01', status: 'confirmed' })).sort(
        (a, b) => (a.ledgerSeq ?? 0) - (b.ledgerSeq ?? 0),
      );
      const clean = await verified();
      expect(clean.get('C01')).toMatchObject({ entries: confirmed.length, ok: true, problems: [] });
      expect(clean.get('C02')).toMatchObject({ entries: 0, ok: true, problems: [] });

      // Behind the functions' back: one stamped record edited, another deleted, one typed in as stamped.
      const expected: LedgerProblem[] = [];
      const records = t.db.collection('serviceRecords');
      const [edited, deleted] = confirmed;
      if (edited) {
        await records.doc(edited._id).update({ data: { minutes: edited.minutes + 60 } });
        expected.push({ kind: 'edited', recordId: edited._id, seq: edited.ledgerSeq ?? null });
      }
      if (deleted) {
        await records.doc(deleted._id).remove();
        expected.push({ kind: 'deleted', recordId: deleted._id, seq: deleted.ledgerSeq ?? null });
      }
      await records.add({
        data: {
          _id: 'typed-in',
          communityId: 'C01',
          memberId: 'm-a',
          unitId: 'U01',
          source: 'selfReported',
          postId,
          activityId: null,
          description: '后台补录',
          startAt: start - 20 * DAY,
          endAt: start - 20 * DAY + 8 * HOUR,
          minutes: 480,
          creditMinutes: 480,
          photos: [],
          attendance: null,
          recordedBy: 'm-a',
          recordedByName: '党员m-a',
          byStaff: false,
          correctsId: null,
          orderId: null,
          rating: null,
          status: 'confirmed',
          pendingSince: start,
          createdAt: start,
          updatedAt: start,
          decidedBy: 'staff-C01',
          decidedByName: '李社工',
          decidedAt: start,
        } satisfies ServiceRecordDoc,
      });
      expected.push({ kind: 'inserted', recordId: 'typed-in', seq: null });
      stamped += confirmed.length;
      const tampered = await verified();
      expect(tampered.get('C01')?.problems).toEqual(expected);
      expect(tampered.get('C02')?.problems).toEqual([]);
    }),
    { numRuns: 15, seed: 20261205, endOnFailure: true },
  );
  expect(runs).toBe(15);
  // The runs stamped enough to mean something, on both sides of the quarter and of both half-months.
  expect(stamped).toBeGreaterThanOrEqual(15);
  const periods = [...TALLY_KEYS].map((key) => key.split(':').at(-1));
  expect(new Set(periods)).toEqual(new Set(['all', '2026', '2026Q1', '2026Q2', '2026-03a', '2026-03b', '2026-04a']));
});
