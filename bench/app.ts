// The app benchmark: weapp package sizes, H5 first-page JavaScript, and check-ins through the app server under load.
// Prints numbers; asserts nothing (but bench/orders.ts fails loudly when a request does not end with exactly one
// taker, or when the board's database calls grow with the requests). Run with `npm run bench` (after `npm run build`).
import autocannon from 'autocannon';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startAppServer, type AppServer } from '../server/src/app';
import { SESSION_COOKIE } from '../server/src/session';
import { launchChromium, phoneContext } from '../e2e/browser';
import { firstPageScripts } from './h5-transfer';
import { measurePackages } from '../scripts/weapp-size.cjs';
import { codeStep, makeCode } from '../domain/sign-in-code';
import { benchTrustedHours, printRows } from './trusted-hours';
import { benchOrders } from './orders';

// npm scripts run at the repository root; the bench is bundled before it runs, so __dirname is not the source's.
const ROOT = process.cwd();
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 100);
const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 3000);
/** Function instances the runner keeps per function (WeChat's cloud scales instances itself). */
const WORKERS = Number(process.env.BENCH_WORKERS ?? 4);

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** Builds the one-page Taro React app that the weapp size is compared with; answers its dist folder. */
function buildBareTaro(): string {
  const dir = join(ROOT, 'bench', 'bare-taro');
  execFileSync('npx', ['taro', 'build', '--type', 'weapp'], {
    cwd: dir,
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: 'ignore',
  });
  return join(dir, 'dist');
}

/** The built functions plus a `noop` function that answers at once, in one folder for the runner. */
function functionsWithNoop(): string {
  const dir = mkdtempSync(join(tmpdir(), 'rb-bench-functions-'));
  for (const name of readdirSync(join(ROOT, 'dist-cloud')))
    symlinkSync(join(ROOT, 'dist-cloud', name), join(dir, name));
  mkdirSync(join(dir, 'noop'));
  writeFileSync(join(dir, 'noop', 'index.js'), 'exports.main = async () => ({ ok: true, data: {} });\n');
  return dir;
}

/** `count` confirmed members of the first unit who have not checked in yet. */
async function seedMembers(server: AppServer, count: number): Promise<string[]> {
  const now = Date.now();
  const ids = Array.from({ length: count }, (_, i) => `bench-member-${String(i).padStart(5, '0')}`);
  const docs = ids.map((id, i) => ({
    _id: id,
    name: `压测党员${i}`,
    phone: `139${String(i).padStart(8, '0')}`,
    unitId: 'U01',
    skills: [],
    willingness: ['维修'],
    pledge: '服务群众',
    pledgePublic: false,
    status: 'verified',
    registeredAt: now,
    unitJoinedAt: now,
    verifiedBy: 'bench',
    verifiedAt: now,
    updatedAt: now,
  }));
  for (let i = 0; i < docs.length; i += 500) {
    server.cloud.db.insertDocument({ collectionName: 'members', data: docs.slice(i, i + 500) });
  }
  return ids;
}

async function load(
  server: AppServer,
  title: string,
  path: string,
  body: (i: number) => string,
  cookie: (i: number) => string,
  amount: number,
): Promise<number> {
  let i = 0;
  const result = await autocannon({
    url: server.url,
    connections: CONNECTIONS,
    amount,
    requests: [
      {
        method: 'POST',
        path,
        setupRequest: (request) => {
          const n = i++;
          return {
            ...request,
            headers: { 'content-type': 'application/json', cookie: `${SESSION_COOKIE}=${cookie(n)}` },
            body: body(n),
          };
        },
      },
    ],
  });
  const rps = result.requests.total / (result.duration || 1);
  console.log(
    `${title.padEnd(44)} ${String(result.requests.total).padStart(6)} req  ${rps.toFixed(0).padStart(6)} req/s  ` +
      `p50 ${result.latency.p50} ms  p99 ${result.latency.p99} ms  non-2xx ${result.non2xx}  errors ${result.errors}`,
  );
  return rps;
}

/** An activity on now in each community, with the secret its codes are drawn from (written as activity.save would). */
function seedActivities(server: AppServer, communities: string[]): Map<string, string> {
  const now = Date.now();
  const secrets = new Map(communities.map((id) => [`bench-act-${id}`, randomBytes(32).toString('hex')]));
  const activities = communities.map((communityId) => ({
    _id: `bench-act-${communityId}`,
    communityId,
    title: '压测活动',
    place: '社区党群服务中心',
    startsAt: now - 600_000,
    endsAt: now + 4 * 3_600_000,
    geo: null,
    capacity: 500,
    postId: null,
    codeSeconds: 10,
    signUpCount: 0,
    status: 'scheduled',
    createdBy: 'bench',
    createdAt: now - 86_400_000,
    updatedAt: now - 86_400_000,
  }));
  server.cloud.db.insertDocument({ collectionName: 'activities', data: activities });
  server.cloud.db.insertDocument({
    collectionName: 'activitySecrets',
    data: [...secrets].map(([_id, secret]) => ({ _id, secret })),
  });
  return secrets;
}

async function main(): Promise<void> {
  console.log('## weapp package (dist/)');
  const sizes = measurePackages(join(ROOT, 'dist'));
  console.log(
    `main package ${kb(sizes.mainPackage)} (limit 2048 KB); subpackages ${Object.entries(sizes.subPackages)
      .map(([k, v]) => `${k} ${kb(v)}`)
      .join(', ')}; total ${kb(sizes.total)}`,
  );
  const bare = measurePackages(buildBareTaro()).mainPackage;
  console.log(`bare Taro React baseline (bench/bare-taro: one page, same Taro 4.2.1): main package ${kb(bare)}`);
  console.log(`the app adds ${kb(sizes.mainPackage - bare)} to the bare baseline`);

  const dataDir = mkdtempSync(join(tmpdir(), 'rb-bench-'));
  const functionsDir = functionsWithNoop();
  const server = await startAppServer({
    dataDir,
    functionsDir,
    h5Dir: join(ROOT, 'dist-h5'),
    manifest: join(ROOT, 'cloudfunctions', 'database.json'),
    workersPerFunction: WORKERS,
    log: () => undefined,
  });
  try {
    console.log('\n## H5 first page (the home page, signed in as a member)');
    const browser = await launchChromium();
    try {
      const context = await phoneContext(browser);
      await context.addCookies([
        { name: SESSION_COOKIE, value: server.sessionFor('demo-member-001'), url: server.url },
      ]);
      const scripts = await firstPageScripts(await context.newPage(), server.url);
      console.log(
        `${scripts.files} JavaScript files: ${kb(scripts.transferred)} transferred (${scripts.encodings.join(', ')}), ` +
          `${kb(scripts.raw)} unpacked`,
      );
    } finally {
      await browser.close();
    }

    const members = await seedMembers(server, MEMBERS);
    const sessions = members.map((id) => server.sessionFor(id));
    console.log(
      `\n## through the app server (${CONNECTIONS} connections, ${MEMBERS} members, ${WORKERS} workers per function)`,
    );
    const probe = await server.cloud.invoke(
      'checkin',
      { action: 'checkIn', data: { communityId: 'C01' } },
      { openid: members[0] },
    );
    console.log(`database round trips of one first check-in: ${JSON.stringify(probe.calls)}`);
    const again = await server.cloud.invoke(
      'checkin',
      { action: 'checkIn', data: { communityId: 'C01' } },
      { openid: members[0] },
    );
    console.log(`database round trips of a repeated scan: ${JSON.stringify(again.calls)}`);
    const noop = await load(
      server,
      'no-op function (POST /api/noop)',
      '/api/noop',
      () => '{"action":"ping","data":{}}',
      (n) => sessions[n % sessions.length],
      MEMBERS,
    );
    const communities = ['C01', 'C02', 'C03', 'C04', 'C05', 'C06'];
    await load(
      server,
      'first check-in (POST /api/checkin checkIn)',
      '/api/checkin',
      (n) => JSON.stringify({ action: 'checkIn', data: { communityId: communities[n % 6] } }),
      (n) => sessions[1 + (n % (sessions.length - 1))],
      MEMBERS - 1,
    );
    await load(
      server,
      'repeated scan, already checked in',
      '/api/checkin',
      // the same member → community pairs as the first round
      (n) => JSON.stringify({ action: 'checkIn', data: { communityId: communities[n % 6] } }),
      (n) => sessions[1 + (n % (sessions.length - 1))],
      MEMBERS - 1,
    );
    // Every member signs in to the activity on now in their community, with the code current at that moment.
    const secrets = seedActivities(server, communities);
    const signIns = await load(
      server,
      'sign-in to an activity (POST /api/activity scan)',
      '/api/activity',
      (n) => {
        const activityId = `bench-act-${communities[n % 6]}`;
        const code = makeCode(activityId, codeStep(Date.now(), 10), secrets.get(activityId)!);
        return JSON.stringify({ action: 'scan', data: { code, location: null } });
      },
      (n) => sessions[1 + (n % (sessions.length - 1))],
      MEMBERS - 1,
    );
    console.log(`sign-ins per second as a ratio to the no-op call: ${(signIns / noop).toFixed(2)}× (goal ≥ 0.50×)`);
    const signedIn = [...secrets.keys()].reduce(
      (sum, activityId) =>
        sum +
        server.cloud.db.calculateDocument({
          collectionName: 'serviceRecords',
          query: { activityId, status: 'signedIn' },
        }).total,
      0,
    );
    console.log(`bench members signed in afterwards: ${signedIn} (expected ${MEMBERS - 1})`);
    const checkedIn = (
      await server.cloud.invoke('unit', { action: 'listNotCheckedIn', data: {} }, { openid: 'demo-unitadmin-U01' })
    ).outcome;
    const left = checkedIn.ok
      ? (checkedIn.result as { data: { members: Array<{ memberId: string }> } }).data.members.filter((m) =>
          m.memberId.startsWith('bench-'),
        ).length
      : -1;
    console.log(`bench members still not checked in afterwards: ${left} (expected 0)`);
  } finally {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(functionsDir, { recursive: true, force: true });
  }

  console.log('\n## trusted hours (local cloud with the built functions, as the function tests run them)');
  printRows(await benchTrustedHours(ROOT));

  console.log('\n## requests (点单): takes racing, the board as requests grow (local cloud, built functions)');
  printRows(await benchOrders(ROOT));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
