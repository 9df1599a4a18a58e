// The trusted-hours benchmark: sign-ins, confirmations, the 活动证 and the ledger's verification on the local cloud
// running the built functions (dist-cloud/) with the real wx-server-sdk, as the function tests do. Prints numbers;
// asserts nothing. `npm run bench` runs it after the app benchmark (bench/app.ts); alone:
//   npm run build:functions && npx esbuild bench/trusted-hours.ts --bundle --platform=node --packages=external \
//     --outfile=bench/dist/trusted-hours.js && node bench/dist/trusted-hours.js
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startTestCloud, type TestCloud } from 'wx-local-cloud/testing';
import type {
  ActivityDoc,
  CallResult,
  CollectionName,
  LedgerEntryDoc,
  PostClaimDoc,
  PostDoc,
  ServiceRecordDoc,
  TallyDoc,
} from '../types';
import { GENESIS_HASH, entryHash, ledgerEntryId, recordHash } from '../domain/ledger';
import { codeStep, makeCode } from '../domain/sign-in-code';
import { keysOf, tallyDocId } from '../domain/tallies';
import { ok, seedCounty, verifiedMember } from '../cloudfunctions/test/helpers';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Members signing in to one activity at once. */
const CROWD = 100;
/** Activities (rounds of CROWD sign-ins, then sign-outs); their records are then stamped in batches of 50. */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const BATCH = 50;
/** Function instances per function, as bench/app.ts runs the app server. */
const WORKERS = Number(process.env.BENCH_WORKERS ?? 4);
const CARD_SIZES = [100, 10_000, 100_000];
const CARD_CALLS = 20;
const LEDGER_ENTRIES = 10_000;
const STAFF = 'staff-C01';
const COUNTY = 'county';

export interface Row {
  what: string;
  value: string;
  ratio?: string;
  note?: string;
}

export const ms = (value: number) => `${value.toFixed(value < 10 ? 1 : 0)} ms`;
const perSecond = (count: number, elapsedMs: number) => (count * 1000) / elapsedMs;
export const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** The built functions plus a `noop` function that answers at once (unless the caller's folder has one already). */
export function functionsWithNoop(root: string): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'rb-bench-trusted-'));
  for (const name of readdirSync(join(root, 'dist-cloud')))
    symlinkSync(join(root, 'dist-cloud', name), join(dir, name));
  mkdirSync(join(dir, 'noop'));
  writeFileSync(join(dir, 'noop', 'index.js'), 'exports.main = async () => ({ ok: true, data: {} });\n');
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Invokes an action as `openid`; throws unless the function answered ok. */
async function invoke(t: TestCloud, openid: string, fn: string, action: string, data: object = {}) {
  const { outcome, calls } = await t.cloud.invoke(fn, { action, data }, { openid });
  if (!outcome.ok) throw new Error(`${fn}.${action} failed in the runner: ${outcome.errMsg}`);
  const result = outcome.result as CallResult<unknown>;
  if (!result.ok) throw new Error(`${fn}.${action} refused: ${result.code} ${result.message}`);
  return { data: result.data, calls };
}

/** Documents written straight into the database (as a back end would), in one SQLite transaction per chunk. */
export function insertDirect(t: TestCloud, collectionName: CollectionName, docs: object[]): void {
  for (let i = 0; i < docs.length; i += 2000) {
    const chunk = docs.slice(i, i + 2000).map((doc) => JSON.stringify(doc));
    t.cloud.db.store.atomically(() => t.cloud.db.insertDocument({ collectionName, data: chunk }));
  }
}

/** Runs `tasks` at most `limit` at a time. */
export async function inParallel<T>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<unknown>,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) await task(items[next++]);
    }),
  );
}

/** `CROWD` at once, `rounds` times: answers the calls per second over all rounds. */
async function crowdRate(rounds: number, round: (r: number) => Promise<unknown>[]): Promise<number> {
  let elapsed = 0;
  let count = 0;
  for (let r = 0; r < rounds; r++) {
    const started = performance.now();
    const calls = round(r);
    await Promise.all(calls);
    elapsed += performance.now() - started;
    count += calls.length;
  }
  return perSecond(count, elapsed);
}

function anActivity(id: string, now: number): ActivityDoc {
  return {
    _id: id,
    communityId: 'C01',
    title: '压测活动',
    place: '东街社区党群服务中心',
    startsAt: now - 10 * MINUTE,
    endsAt: now + 4 * HOUR,
    geo: null,
    capacity: 500,
    postId: null,
    codeSeconds: 10,
    signUpCount: 0,
    status: 'scheduled',
    createdBy: STAFF,
    createdAt: now - DAY,
    updatedAt: now - DAY,
  };
}

function aRecord(p: Partial<ServiceRecordDoc> & Pick<ServiceRecordDoc, '_id' | 'memberId'>): ServiceRecordDoc {
  const startAt = p.startAt ?? Date.now() - 10 * DAY;
  return {
    communityId: 'C02',
    unitId: 'U02',
    source: 'selfReported',
    postId: null,
    activityId: null,
    orderId: null,
    rating: null,
    description: '在社区服务站值班，接待来访居民',
    startAt,
    endAt: startAt + 2 * HOUR,
    minutes: 120,
    creditMinutes: 120,
    photos: [],
    attendance: null,
    recordedBy: p.memberId,
    recordedByName: '压测党员',
    byStaff: false,
    correctsId: null,
    status: 'confirmed',
    pendingSince: startAt + 3 * HOUR,
    createdAt: startAt + 3 * HOUR,
    updatedAt: startAt + DAY,
    decidedBy: 'staff-C02',
    decidedByName: '压测社工',
    decidedAt: startAt + DAY,
    ...p,
  };
}

/** Adds confirmed records' credits to the tallies (shard 0), as record.confirm would have. */
async function addTallies(t: TestCloud, records: ServiceRecordDoc[]): Promise<void> {
  const sums = new Map<string, TallyDoc>();
  for (const record of records) {
    const credit = { ...record, at: record.startAt, minutes: record.creditMinutes, records: 1 };
    for (const key of keysOf(credit)) {
      const id = tallyDocId(key, 0);
      const sum = sums.get(id) ?? { _id: id, key, shard: 0, minutes: 0, records: 0 };
      sums.set(id, { ...sum, minutes: sum.minutes + credit.minutes, records: sum.records + 1 });
    }
  }
  const tallies = t.db.collection('tallies');
  for (const { _id, ...tally } of sums.values()) {
    const existing = await tallies
      .doc(_id)
      .get()
      .then((answer: { data: TallyDoc | null }) => answer.data)
      .catch(() => null);
    if (existing) {
      await tallies.doc(_id).update({ data: { minutes: t._.inc(tally.minutes), records: t._.inc(tally.records) } });
    } else {
      await tallies.doc(_id).set({ data: tally });
    }
  }
}

/** `14 database calls (getDocument 12, calculateDocument 2)` */
export function describeCalls(calls: Record<string, number>): string {
  const total = Object.values(calls).reduce((sum, n) => sum + n, 0);
  const parts = Object.entries(calls).map(([action, n]) => `${action.replace(/^database\./, '')} ${n}`);
  return `${total} database calls (${parts.join(', ')})`;
}

function count(t: TestCloud, collectionName: CollectionName): number {
  return t.cloud.db.calculateDocument({ collectionName, query: {} }).total;
}

export async function benchTrustedHours(root: string, functionsDir?: string): Promise<Row[]> {
  const functions = functionsDir ? { dir: functionsDir, cleanup: () => undefined } : functionsWithNoop(root);
  const t = await startTestCloud({
    functionsDir: functions.dir,
    manifest: join(root, 'cloudfunctions', 'database.json'),
    workersPerFunction: WORKERS,
    log: () => undefined,
  });
  const rows: Row[] = [];
  try {
    await seedCounty(t);
    const members = Array.from({ length: CROWD }, (_, i) => `bench-m${String(i).padStart(3, '0')}`);
    await inParallel(members, 20, async (id) => {
      await verifiedMember(t, id);
      await ok(t, id, 'checkin', 'checkIn', { communityId: 'C01' });
    });
    // Warm every function's instances before measuring.
    for (const fn of ['noop', 'user', 'activity', 'record', 'card']) {
      await Promise.all(
        Array.from({ length: WORKERS }, () => t.cloud.invoke(fn, { action: 'ping', data: {} }, { openid: members[0] })),
      );
    }

    // The baseline: a function that answers at once, CROWD calls at once, through the same runner.
    const noop = await crowdRate(ROUNDS, () =>
      members.map((openid) => t.cloud.invoke('noop', { action: 'ping', data: {} }, { openid })),
    );
    rows.push({
      what: `no-op function, ${CROWD} calls at once (baseline)`,
      value: `${noop.toFixed(0)} /s`,
      ratio: '1.00×',
    });
    const ratio = (rate: number) => `${(rate / noop).toFixed(2)}×`;
    const getMe = await crowdRate(ROUNDS, () => members.map((openid) => invoke(t, openid, 'user', 'getMe')));
    rows.push({
      what: `user.getMe, ${CROWD} members at once (for reference)`,
      value: `${getMe.toFixed(0)} /s`,
      ratio: ratio(getMe),
      note: 'a real function that only reads',
    });

    // The 活动证 of a member with ~50 confirmed records and a claimed post, as the collection grows around them.
    const cardMember = members[0];
    const now = t.cloud.clock.now();
    const post: PostDoc = {
      _id: 'bench-post',
      communityId: 'C01',
      kind: '党员先锋岗',
      duty: '在社区服务站值班，接待来访群众',
      forWhom: '来服务站办事的居民',
      capacity: 10,
      until: now + 90 * DAY,
      status: 'open',
      claimCount: 1,
      createdBy: STAFF,
      createdAt: now - 120 * DAY,
      updatedAt: now - 120 * DAY,
    };
    const claim: PostClaimDoc = {
      _id: `bench-post_${cardMember}`,
      postId: post._id,
      communityId: 'C01',
      memberId: cardMember,
      unitId: 'U01',
      status: 'active',
      claimedAt: now - 100 * DAY,
    };
    insertDirect(t, 'posts', [post]);
    insertDirect(t, 'postClaims', [claim]);
    const own = Array.from({ length: 50 }, (_, i) =>
      aRecord({
        _id: `bench-own-${i}`,
        memberId: cardMember,
        communityId: 'C01',
        unitId: 'U01',
        postId: post._id,
        startAt: now - (i + 1) * DAY - 5 * HOUR,
        decidedBy: STAFF,
        decidedByName: '李社工',
      }),
    );
    insertDirect(t, 'serviceRecords', own);
    await addTallies(t, own);
    let bulk = 0;
    for (const size of CARD_SIZES) {
      const missing = size - count(t, 'serviceRecords');
      if (missing > 0) {
        const others = Array.from({ length: missing }, (_, i) => {
          const n = bulk + i;
          return aRecord({
            _id: `bench-bulk-${String(n).padStart(6, '0')}`,
            memberId: `bench-other-${n % 5000}`,
            status: n % 10 === 0 ? 'pending' : 'confirmed',
            startAt: now - (n % 300) * DAY - 10 * HOUR,
          });
        });
        bulk += missing;
        insertDirect(t, 'serviceRecords', others);
      }
      const latencies: number[] = [];
      let calls: Record<string, number> = {};
      const examinedBefore = t.cloud.db.docsExamined;
      for (let i = 0; i < CARD_CALLS; i++) {
        const started = performance.now();
        const answer = await invoke(t, cardMember, 'card', 'get');
        latencies.push(performance.now() - started);
        calls = answer.calls;
      }
      const examined = (t.cloud.db.docsExamined - examinedBefore) / CARD_CALLS;
      rows.push({
        what: `card.get with ${count(t, 'serviceRecords').toLocaleString('en')} records`,
        value: `${ms(median(latencies))} median`,
        note: `${describeCalls(calls)}; ${examined.toFixed(0)} documents examined`,
      });
    }

    // Sign-ins: CROWD members scan one activity's current code at once, ROUNDS activities.
    const activities = Array.from({ length: ROUNDS }, (_, r) => anActivity(`bench-act-${r}`, t.cloud.clock.now()));
    const secrets = activities.map((a) => ({ _id: a._id, secret: randomBytes(32).toString('hex') }));
    insertDirect(t, 'activities', activities);
    insertDirect(t, 'activitySecrets', secrets);
    const codeNow = (r: number) =>
      makeCode(activities[r]._id, codeStep(t.cloud.clock.now(), activities[r].codeSeconds), secrets[r].secret);
    let scanCalls: Record<string, number> = {};
    const scans = (r: number, expected: string) => {
      const code = codeNow(r);
      return members.map(async (openid) => {
        const { data, calls } = await invoke(t, openid, 'activity', 'scan', { code, location: null });
        if ((data as { outcome: string }).outcome !== expected) {
          throw new Error(`scan answered ${JSON.stringify(data)}`);
        }
        scanCalls = calls;
      });
    };
    const signIns = await crowdRate(ROUNDS, (r) => scans(r, 'signedIn'));
    rows.push({
      what: `sign-ins, ${CROWD} members at one activity at once`,
      value: `${signIns.toFixed(0)} /s`,
      ratio: ratio(signIns),
      note: `goal ≥ 0.50×; ${describeCalls(scanCalls)} per sign-in`,
    });
    // The same sign-in alone, one member after another: its own cost without the crowd.
    const lone = anActivity('bench-act-lone', t.cloud.clock.now());
    const loneSecret = randomBytes(32).toString('hex');
    insertDirect(t, 'activities', [lone]);
    insertDirect(t, 'activitySecrets', [{ _id: lone._id, secret: loneSecret }]);
    const loneTimes: number[] = [];
    for (const openid of members.slice(0, 20)) {
      const code = makeCode(lone._id, codeStep(t.cloud.clock.now(), lone.codeSeconds), loneSecret);
      const started = performance.now();
      await invoke(t, openid, 'activity', 'scan', { code, location: null });
      loneTimes.push(performance.now() - started);
    }
    rows.push({ what: 'one sign-in alone (20, one after another)', value: `${ms(median(loneTimes))} median` });
    // Half an hour later everyone signs out: the records wait for staff.
    t.cloud.clock.advance(30 * MINUTE);
    for (let r = 0; r < ROUNDS; r++) await Promise.all(scans(r, 'signedOut'));

    // Confirmations: the staff stamp the queue in batches of 50.
    const pending = activities.flatMap((a) => members.map((m) => `att-${a._id}-${m}`));
    const batchTimes: number[] = [];
    let confirmed = 0;
    let batchCalls: Record<string, number> = {};
    for (let i = 0; i < pending.length; i += BATCH) {
      const started = performance.now();
      const { data, calls } = await invoke(t, STAFF, 'record', 'confirm', { recordIds: pending.slice(i, i + BATCH) });
      batchTimes.push(performance.now() - started);
      batchCalls = calls;
      confirmed += (data as { confirmed: number }).confirmed;
    }
    const confirmRate = perSecond(
      confirmed,
      batchTimes.reduce((sum, time) => sum + time, 0),
    );
    rows.push({
      what: `confirmations, batches of ${BATCH} (${confirmed} of ${pending.length} stamped)`,
      value: `${confirmRate.toFixed(0)} /s`,
      ratio: ratio(confirmRate),
    });
    rows.push({
      what: `one batch of ${BATCH}: median / slowest of ${batchTimes.length}`,
      value: `${ms(median(batchTimes))} / ${ms(Math.max(...batchTimes))}`,
      note: `goal well under 1 s; ${describeCalls(batchCalls)} per batch`,
    });

    // Ledger verification: a community with LEDGER_ENTRIES confirmations chained as chainToLedger does.
    await t.db.collection('communities').add({
      data: { _id: 'CB', name: '压测社区', county: '红旗县', street: '城关镇', address: '压测路1号', createdAt: now },
    });
    const chained: ServiceRecordDoc[] = [];
    const entries: LedgerEntryDoc[] = [];
    let prevHash = GENESIS_HASH;
    for (let seq = 1; seq <= LEDGER_ENTRIES; seq++) {
      const at = now - (LEDGER_ENTRIES - seq) * MINUTE;
      const record = aRecord({
        _id: `bench-ledger-${String(seq).padStart(6, '0')}`,
        memberId: `bench-other-${seq % 5000}`,
        communityId: 'CB',
        startAt: at - DAY,
        decidedBy: 'staff-CB',
        decidedAt: at,
        updatedAt: at,
        ledgerSeq: seq,
      });
      const entry = { communityId: 'CB', seq, recordId: record._id, recordHash: recordHash(record), prevHash, at };
      prevHash = entryHash(entry);
      entries.push({ _id: ledgerEntryId('CB', seq), ...entry, hash: prevHash });
      chained.push(record);
    }
    insertDirect(t, 'serviceRecords', chained);
    insertDirect(t, 'ledgerEntries', entries);
    insertDirect(t, 'ledgerHeads', [{ _id: 'CB', seq: LEDGER_ENTRIES, hash: prevHash, updatedAt: now }]);
    const started = performance.now();
    const verified = await invoke(t, COUNTY, 'record', 'verifyLedger', { communityId: 'CB' });
    const elapsed = performance.now() - started;
    const check = (verified.data as { communities: Array<{ entries: number; ok: boolean }> }).communities[0];
    rows.push({
      what: `record.verifyLedger, ${check.entries.toLocaleString('en')} chained entries`,
      value: ms((elapsed * 10_000) / LEDGER_ENTRIES),
      note: `per 10,000 confirmations; ${check.ok ? '账本完好' : 'PROBLEMS FOUND'}; ${describeCalls(verified.calls)}`,
    });
  } finally {
    await t.close();
    functions.cleanup();
  }
  return rows;
}

export function printRows(rows: readonly Row[]): void {
  const width = Math.max(...rows.map((row) => row.what.length));
  const valueWidth = Math.max(...rows.map((row) => row.value.length));
  console.log(`${'measure'.padEnd(width)}  ${'value'.padStart(valueWidth)}  ${'× no-op'.padStart(7)}  note`);
  for (const row of rows) {
    console.log(
      `${row.what.padEnd(width)}  ${row.value.padStart(valueWidth)}  ${(row.ratio ?? '').padStart(7)}  ${row.note ?? ''}`,
    );
  }
}

if (process.argv[1]?.endsWith('trusted-hours.js')) {
  const started = performance.now();
  benchTrustedHours(process.cwd())
    .then((rows) => {
      console.log(`## trusted hours (local cloud, built functions, ${WORKERS} workers per function)`);
      printRows(rows);
      console.log(`(${((performance.now() - started) / 1000).toFixed(0)} s)`);
    })
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}
