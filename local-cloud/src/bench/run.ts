/**
 * Benchmark of the local cloud through the real wx-server-sdk: the server runs as its own process (the CLI), this
 * process is the client. Prints operations per second and p50/p99 latency for each operation at 1k and 100k
 * documents, and a no-op function invocation through the runner for comparison.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sdkEnvironment } from '../sdk-environment';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const OPS = Number(process.env.BENCH_OPS ?? 2000);
const SIZES = (process.env.BENCH_SIZES ?? '1000,100000').split(',').map(Number);

interface Row {
  name: string;
  docs: number | string;
  ops: number;
  opsPerSec: number;
  p50: number;
  p99: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

const WARMUP = Number(process.env.BENCH_WARMUP ?? 200);

const PAGED_DOCS = 10_000;
const PAGED_PASSES = Number(process.env.BENCH_PAGED_PASSES ?? 5);

async function measure(
  name: string,
  docs: number | string,
  count: number,
  op: (i: number) => Promise<unknown>,
  warmup = WARMUP,
  concurrency = CONCURRENCY,
): Promise<Row> {
  // Unmeasured calls first, so that JIT warm-up does not land in the first row.
  for (let i = 0; i < warmup; i++) await op(count + i);
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const i = next++;
        const t0 = performance.now();
        await op(i);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    name,
    docs,
    ops: count,
    opsPerSec: Math.round(count / seconds),
    p50: Number(percentile(latencies, 50).toFixed(2)),
    p99: Number(percentile(latencies, 99).toFixed(2)),
  };
}

function startServer(
  dataDir: string,
  manifest: string,
  functionsDir: string,
): Promise<{ child: ChildProcess; url: string }> {
  const cli = join(__dirname, '..', '..', 'bin', 'wx-local-cloud.js');
  const child = spawn(
    process.execPath,
    [cli, '--port', '0', '--data', dataDir, '--manifest', manifest, '--functions', functionsDir],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(out);
      if (match) resolve({ child, url: match[1] });
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
}

async function seed(db: Any, size: number, from: number): Promise<void> {
  for (let start = from; start < size; start += 1000) {
    const batch = [];
    for (let i = start; i < Math.min(size, start + 1000); i++) {
      batch.push({ _id: `d${i}`, owner: `u${i % 1000}`, code: `c${i}`, n: i, title: `文档 ${i}`, tags: ['a', 'b'] });
    }
    await db.collection('items').add({ data: batch });
  }
}

/**
 * A ledger of two communities, PAGED_DOCS entries each: the paged reads walk one community 1000 at a time, as
 * `npm run ledger:verify` does.
 */
async function seedLedger(db: Any): Promise<void> {
  for (const communityId of ['C01', 'C02']) {
    for (let start = 0; start < PAGED_DOCS; start += 1000) {
      const batch = [];
      for (let seq = start; seq < start + 1000; seq++) {
        batch.push({
          _id: `${communityId}-${String(seq).padStart(6, '0')}`,
          communityId,
          seq,
          status: seq % 10 === 0 ? 'pending' : 'confirmed',
          createdAt: new Date(1_700_000_000_000 + seq * 1000),
          hours: 1.5,
        });
      }
      await db.collection('ledger').add({ data: batch });
    }
  }
}

/** One pass over a community's ledger in pages of 1000: `seq > last` ordered by seq (or `_id > last` by _id). */
async function pageThrough(db: Any, by: 'seq' | '_id'): Promise<number> {
  const _ = db.command;
  let last: number | string = by === 'seq' ? -1 : '';
  let read = 0;
  for (;;) {
    const where =
      by === 'seq'
        ? { communityId: 'C01', seq: _.gt(last) }
        : { communityId: 'C01', status: 'confirmed', _id: _.gt(last) };
    const { data } = await db.collection('ledger').where(where).orderBy(by, 'asc').limit(1000).get();
    read += data.length;
    if (data.length < 1000) return read;
    last = data[data.length - 1][by];
  }
}

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'local-cloud-bench-'));
  const manifest = join(work, 'manifest.json');
  writeFileSync(
    manifest,
    JSON.stringify({
      collections: [
        {
          name: 'items',
          indexes: [
            { name: 'owner', keys: { owner: 1 } },
            { name: 'code', keys: { code: 1 }, unique: true },
          ],
        },
        {
          name: 'ledger',
          indexes: [
            { name: 'community_seq', keys: { communityId: 1, seq: 1 }, unique: true },
            { name: 'community_status_created', keys: { communityId: 1, status: 1, createdAt: 1 } },
          ],
        },
      ],
    }),
  );
  const functionsDir = join(work, 'functions');
  mkdirSync(join(functionsDir, 'noop'), { recursive: true });
  writeFileSync(join(functionsDir, 'noop', 'index.js'), 'exports.main = async () => ({ ok: true });\n');
  const { child, url } = await startServer(join(work, 'data'), manifest, functionsDir);
  Object.assign(process.env, sdkEnvironment(url, 'local-env'));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const sdk = require('wx-server-sdk') as Any;
  sdk.init({ env: sdk.DYNAMIC_CURRENT_ENV });
  const db = sdk.database();
  const _ = db.command;
  const rows: Row[] = [];
  let seeded = 0;
  let inserted = 0;
  try {
    for (const size of SIZES) {
      const t0 = performance.now();
      await seed(db, size, seeded);
      seeded = size;
      process.stderr.write(`seeded ${size} documents in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
      const pick = (i: number) => `d${(i * 7919) % size}`;
      rows.push(await measure('point read doc(id).get()', size, OPS, (i) => db.collection('items').doc(pick(i)).get()));
      rows.push(
        await measure('indexed query where({owner}).limit(20)', size, OPS, (i) =>
          db
            .collection('items')
            .where({ owner: `u${i % 1000}` })
            .limit(20)
            .get(),
        ),
      );
      rows.push(
        await measure('insert add()', size, OPS, () =>
          db.collection('items').add({ data: { owner: 'bench', code: `new${inserted++}`, n: 0 } }),
        ),
      );
      rows.push(
        await measure('update _.inc(1)', size, OPS, (i) =>
          db
            .collection('items')
            .doc(pick(i))
            .update({ data: { n: _.inc(1) } }),
        ),
      );
      rows.push(
        await measure('transaction (2 reads, 2 updates)', size, Math.floor(OPS / 4), (i) =>
          db.runTransaction(async (tx: Any) => {
            const a = pick(i * 2);
            const b = pick(i * 2 + 1);
            const [da, dbb] = await Promise.all([
              tx.collection('items').doc(a).get(),
              tx.collection('items').doc(b).get(),
            ]);
            await tx
              .collection('items')
              .doc(a)
              .update({ data: { n: da.data.n - 1 } });
            await tx
              .collection('items')
              .doc(b)
              .update({ data: { n: dbb.data.n + 1 } });
          }),
        ),
      );
    }
    await seedLedger(db);
    for (const by of ['seq', '_id'] as const) {
      const expected = by === 'seq' ? PAGED_DOCS : PAGED_DOCS - PAGED_DOCS / 10;
      const read = await pageThrough(db, by);
      if (read !== expected) throw new Error(`paging by ${by} read ${read} documents, expected ${expected}`);
      const label =
        by === 'seq'
          ? 'paged range where({communityId, seq: _.gt(last)}).orderBy(seq).limit(1000), one pass'
          : 'paged where({communityId, status, _id: _.gt(last)}).orderBy(_id).limit(1000), one pass';
      rows.push(await measure(label, PAGED_DOCS, PAGED_PASSES, () => pageThrough(db, by), 1, 1));
    }
    const invokeUrl = `${url}/_dev/functions/noop/invoke`;
    const invoke = () =>
      fetch(invokeUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ event: {}, identity: { openid: 'bench' } }),
      }).then((r) => r.json());
    await invoke();
    rows.push(await measure('no-op function invocation (runner, HTTP)', '-', OPS, invoke));
  } finally {
    child.kill('SIGTERM');
    rmSync(work, { recursive: true, force: true });
  }
  console.log(
    `\nwx-local-cloud benchmark — real wx-server-sdk client, ${CONCURRENCY} in flight, node ${process.version}\n`,
  );
  console.table(
    rows.map((r) => ({
      operation: r.name,
      docs: r.docs,
      ops: r.ops,
      'ops/s': r.opsPerSec,
      'p50 ms': r.p50,
      'p99 ms': r.p99,
    })),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
