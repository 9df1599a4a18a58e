// The requests (点单) benchmark: takes per second with 100 members racing for 100 requests, and the public board's
// database calls and latency as a community's requests grow, on the local cloud running the built functions
// (dist-cloud/) with the real wx-server-sdk, as the function tests do. Prints numbers; throws (so `npm run bench`
// fails) when a request ends with other than exactly one taker or when the board's database calls grow with the
// collection. `npm run bench` runs it after the trusted-hours rows (bench/app.ts); alone:
//   npm run build:functions && npx esbuild bench/orders.ts --bundle --platform=node --packages=external \
//     --outfile=bench/dist/orders.js && node bench/dist/orders.js
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startTestCloud, type TestCloud } from 'wx-local-cloud/testing';
import type { Board, CallResult, CollectionName, OrderContactDoc, OrderDoc, OrderStatus, ResidentDoc } from '../types';
import { doneCounterIds } from '../cloudfunctions/_shared/order-counts';
import { ok, seedCounty, verifiedMember } from '../cloudfunctions/test/helpers';
import {
  type Row,
  describeCalls,
  functionsWithNoop,
  inParallel,
  insertDirect,
  median,
  ms,
  printRows,
} from './trusted-hours';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Members racing, and requests they race for. */
const RACERS = Number(process.env.BENCH_RACERS ?? 100);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 100);
/** Function instances per function, as bench/app.ts runs the app server. */
const WORKERS = Number(process.env.BENCH_WORKERS ?? 4);
const BOARD_SIZES = [100, 10_000, 100_000];
/** board.get calls per size; the median is printed. */
const BOARD_CALLS = Number(process.env.BENCH_BOARD_CALLS ?? 20);
const RACE_COMMUNITY = 'C01';
const BOARD_COMMUNITY = 'C02';
const RESIDENT = 'bench-resident';
const VIEWER = 'bench-viewer';

const totalCalls = (calls: Record<string, number>) => Object.values(calls).reduce((sum, n) => sum + n, 0);

/** A fixed-seed shuffle (mulberry32), so every run races in the same orders. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

function count(t: TestCloud, collectionName: CollectionName, query: object = {}): number {
  return t.cloud.db.calculateDocument({ collectionName, query }).total;
}

function aResident(now: number): ResidentDoc {
  return {
    _id: RESIDENT,
    name: '压测居民',
    phone: '13900000000',
    communityId: RACE_COMMUNITY,
    compound: '东街花园',
    building: '1号楼',
    unit: '1单元',
    room: '101室',
    createdAt: now - 30 * DAY,
    updatedAt: now - 30 * DAY,
  };
}

/**
 * A request in `status` as the order function leaves it, its moments `age` ms earlier than the others' (distinct
 * moments, as real requests have: the local cloud reads a sorted page in index order only when the sort keys differ).
 */
function anOrder(id: string, communityId: string, status: OrderStatus, now: number, age = 0): OrderDoc {
  const published = ['published', 'taken', 'done', 'rated'].includes(status);
  const taken = ['taken', 'done', 'rated'].includes(status);
  const done = ['done', 'rated'].includes(status);
  return {
    _id: id,
    communityId,
    kind: '生活帮扶',
    text: '帮忙买一袋大米送上楼',
    wantedBy: now + 2 * DAY,
    photos: [],
    compound: '东街花园',
    residentId: RESIDENT,
    onBehalf: null,
    status,
    createdAt: now - 3 * HOUR - age,
    updatedAt: now - HOUR - age,
    publishedAt: published ? now - 2 * HOUR - age : null,
    reviewedBy: published ? `staff-${communityId}` : null,
    reviewedByName: published ? '李社工' : null,
    rejectReason: status === 'rejected' ? '不属于社区服务范围' : null,
    mergedInto: null,
    takerId: taken ? 'bench-taker' : null,
    takerName: taken ? '压测党员' : null,
    takerPhoneMasked: taken ? '138****0000' : null,
    takenAt: taken ? now - 90 * MINUTE - age : null,
    releases: [],
    doneAt: done ? now - HOUR - age : null,
    doneNote: done ? '已经送到家里' : null,
    donePhotos: [],
    serviceStartAt: done ? now - 80 * MINUTE - age : null,
    serviceEndAt: done ? now - 70 * MINUTE - age : null,
    rating:
      status === 'rated'
        ? { stars: 5, comment: '谢谢', by: 'resident', byName: '压测居民', at: now - 30 * MINUTE - age }
        : null,
    recordId: done ? `bench-rec-${id}` : null,
    cancelledAt: status === 'cancelled' ? now - 2 * HOUR - age : null,
  };
}

function aContact(order: OrderDoc): OrderContactDoc {
  return {
    _id: order._id,
    communityId: order.communityId,
    name: '压测居民',
    phone: '13900000000',
    address: '1号楼1单元101室',
  };
}

async function invoke(t: TestCloud, openid: string, fn: string, action: string, data: object) {
  const { outcome, calls } = await t.cloud.invoke(fn, { action, data }, { openid });
  if (!outcome.ok) throw new Error(`${fn}.${action} failed in the runner: ${outcome.errMsg}`);
  return { result: outcome.result as CallResult<unknown>, calls: calls as Record<string, number> };
}

/** RACERS members, each trying the REQUESTS published requests in an order of their own until all are taken. */
async function race(t: TestCloud, members: string[], rows: Row[]): Promise<void> {
  const now = t.cloud.clock.now();
  const orders = Array.from({ length: REQUESTS }, (_, i) =>
    anOrder(`bench-race-${String(i).padStart(3, '0')}`, RACE_COMMUNITY, 'published', now, i * 1000),
  );
  insertDirect(t, 'orders', orders);
  insertDirect(t, 'orderContacts', orders.map(aContact));
  const winners = new Map<string, string[]>();
  const refusals = new Map<string, number>();
  let taken = 0;
  let attempts = 0;
  const times: number[] = [];
  const started = performance.now();
  await Promise.all(
    members.map(async (openid, m) => {
      for (const order of shuffled(orders, 0x7a4e + m)) {
        if (taken >= REQUESTS) return;
        attempts += 1;
        const before = performance.now();
        const { result } = await invoke(t, openid, 'order', 'take', { orderId: order._id });
        times.push(performance.now() - before);
        if (result.ok) {
          taken += 1;
          winners.set(order._id, [...(winners.get(order._id) ?? []), openid]);
        } else {
          refusals.set(result.code, (refusals.get(result.code) ?? 0) + 1);
        }
      }
    }),
  );
  const elapsed = performance.now() - started;

  // Exactly one taker each: by the answers, and as stored.
  const problems: string[] = [];
  for (const order of orders) {
    const won = winners.get(order._id) ?? [];
    const stored = JSON.parse(
      t.cloud.db.getDocument({ collectionName: 'orders', queryType: 'DOC', query: { _id: order._id } }).list[0],
    ) as OrderDoc;
    if (won.length !== 1) problems.push(`${order._id}: ${won.length} takes answered ok`);
    else if (stored.status !== 'taken' || stored.takerId !== won[0]) {
      problems.push(`${order._id}: stored ${stored.status} by ${stored.takerId}, answered to ${won[0]}`);
    }
  }
  if (problems.length > 0) throw new Error(`takes: not exactly one taker each:\n${problems.join('\n')}`);

  const refused = [...refusals.values()].reduce((sum, n) => sum + n, 0);
  const codes = [...refusals.entries()].map(([code, n]) => `${code} ${n}`).join(', ');
  rows.push({
    what: `takes, ${members.length} members racing for ${REQUESTS} requests`,
    value: `${((taken * 1000) / elapsed).toFixed(0)} /s`,
    note: `wall ${ms(elapsed)}; ${attempts} attempts, ${taken} taken, ${refused} refused (${codes || 'none'}); every request exactly one taker`,
  });
  rows.push({
    what: 'one take attempt under the race: median / slowest',
    value: `${ms(median(times))} / ${ms(Math.max(...times))}`,
  });
}

/** The board of a community holding `size` requests (mostly finished, some published): calls must not grow. */
async function board(t: TestCloud, rows: Row[]): Promise<void> {
  const now = t.cloud.clock.now();
  // Of every 20 requests: 2 published, 12 rated, 2 cancelled, 2 rejected, 1 taken, 1 done.
  const mix: OrderStatus[] = [
    'published',
    'rated',
    'rated',
    'cancelled',
    'rated',
    'rejected',
    'rated',
    'taken',
    'rated',
    'rated',
    'published',
    'rated',
    'done',
    'rated',
    'cancelled',
    'rated',
    'rejected',
    'rated',
    'rated',
    'rated',
  ];
  let inserted = 0;
  let rated = 0;
  let baseline: number | null = null;
  const grew: string[] = [];
  for (const size of BOARD_SIZES) {
    const docs: OrderDoc[] = [];
    for (; inserted < size; inserted++) {
      const status = mix[inserted % mix.length];
      if (status === 'rated') rated += 1;
      const id = `bench-board-${String(inserted).padStart(6, '0')}`;
      docs.push(anOrder(id, BOARD_COMMUNITY, status, now, inserted * 1000));
    }
    insertDirect(t, 'orders', docs);
    // The done counters the ratings moved (all rated this month, a day ago at most).
    const ids = doneCounterIds(BOARD_COMMUNITY, now - 30 * MINUTE);
    for (const id of [ids.month, ids.all])
      await t.db
        .collection('counters')
        .doc(id)
        .set({ data: { value: rated } });

    const latencies: number[] = [];
    let calls: Record<string, number> = {};
    let answer: Board | null = null;
    const examinedBefore = t.cloud.db.docsExamined;
    for (let i = 0; i < BOARD_CALLS; i++) {
      const started = performance.now();
      const { result, calls: made } = await invoke(t, VIEWER, 'board', 'get', { communityId: BOARD_COMMUNITY });
      latencies.push(performance.now() - started);
      if (!result.ok) throw new Error(`board.get refused: ${result.code} ${result.message}`);
      answer = (result.data as { board: Board | null }).board;
      calls = made;
    }
    const examined = (t.cloud.db.docsExamined - examinedBefore) / BOARD_CALLS;
    const total = totalCalls(calls);
    baseline ??= total;
    if (total > baseline) grew.push(`${size.toLocaleString('en')} requests: ${total} calls, ${baseline} at 100`);
    rows.push({
      what: `board.get, ${count(t, 'orders', { communityId: BOARD_COMMUNITY }).toLocaleString('en')} requests in the community`,
      value: `${ms(median(latencies))} median`,
      note: `${describeCalls(calls)}; ${examined.toFixed(0)} documents examined; shows ${answer?.publishedCount ?? '?'} published, ${answer?.doneInAll ?? '?'} done`,
    });
  }
  if (grew.length > 0) throw new Error(`board.get's database calls grew with the requests:\n${grew.join('\n')}`);
}

export async function benchOrders(root: string): Promise<Row[]> {
  const functions = functionsWithNoop(root);
  const t = await startTestCloud({
    functionsDir: functions.dir,
    manifest: join(root, 'cloudfunctions', 'database.json'),
    workersPerFunction: WORKERS,
    log: () => undefined,
  });
  const rows: Row[] = [];
  try {
    await seedCounty(t);
    insertDirect(t, 'residents', [aResident(t.cloud.clock.now())]);
    const members = Array.from({ length: RACERS }, (_, i) => `bench-m${String(i).padStart(3, '0')}`);
    await inParallel(members, 20, async (id) => {
      await verifiedMember(t, id);
      await ok(t, id, 'checkin', 'checkIn', { communityId: RACE_COMMUNITY });
    });
    // Warm every function's instances before measuring.
    for (const fn of ['order', 'board']) {
      await Promise.all(
        Array.from({ length: WORKERS }, () => t.cloud.invoke(fn, { action: 'ping', data: {} }, { openid: members[0] })),
      );
    }
    await race(t, members, rows);
    await board(t, rows);
  } finally {
    await t.close();
    functions.cleanup();
  }
  return rows;
}

if (process.argv[1]?.endsWith('orders.js')) {
  const started = performance.now();
  benchOrders(process.cwd())
    .then((rows) => {
      console.log(`## requests (点单) (local cloud, built functions, ${WORKERS} workers per function)`);
      printRows(rows);
      console.log(`(${((performance.now() - started) / 1000).toFixed(0)} s)`);
    })
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}
