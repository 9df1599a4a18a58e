import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { InvokeOutcome, TriggerRun } from '../dist/index';
import { startLocalCloud } from 'wx-local-cloud';
import { type TestCloud, startTestCloud } from 'wx-local-cloud/testing';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const SDK = require.resolve('wx-server-sdk');

/** A function that records each run (a document in `runs`) and answers its event and context. */
const RECORDING_FUNCTION = `const cloud = require(${JSON.stringify(SDK)});
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });
exports.main = async (event) => {
  const context = cloud.getWXContext();
  await cloud.database().collection('runs').add({ data: { fn: process.env.FN_NAME || '', event } });
  return { event, OPENID: context.OPENID, SOURCE: context.SOURCE };
};
`;

const FUNCTIONS: Record<string, unknown> = {
  digest: { triggers: [{ name: 'dailyDigest', type: 'timer', config: '0 0 9 * * * *' }] },
  nextyear: { triggers: [{ name: 'newYear', type: 'timer', config: '0 0 9 * * * 2027' }] },
  // The 15th OR a Monday.
  fifteenth: { triggers: [{ name: 'fifteenthOrMonday', type: 'timer', config: '0 0 9 15 * 1 *' }] },
  plain: { timeout: 5 },
  two: {
    triggers: [
      { name: 'a', type: 'timer', config: '0 0 9 * * * *' },
      { name: 'b', type: 'timer', config: '0 0 10 * * * *' },
    ],
  },
  badname: { triggers: [{ name: '9lives', type: 'timer', config: '0 0 9 * * * *' }] },
  http: { triggers: [{ name: 'web', type: 'http', config: '0 0 9 * * * *' }] },
  sixfields: { triggers: [{ name: 'six', type: 'timer', config: '0 0 9 * * *' }] },
  year2100: { triggers: [{ name: 'far', type: 'timer', config: '0 0 9 * * * 2100' }] },
};
const INVALID = ['two', 'badname', 'http', 'sixfields', 'year2100'];

let functionsDir: string;
let t: TestCloud;
const logged: string[] = [];

beforeAll(async () => {
  functionsDir = mkdtempSync(join(tmpdir(), 'local-cloud-triggers-'));
  for (const [name, config] of Object.entries(FUNCTIONS)) {
    mkdirSync(join(functionsDir, name));
    writeFileSync(
      join(functionsDir, name, 'index.js'),
      RECORDING_FUNCTION.replace("process.env.FN_NAME || ''", `'${name}'`),
    );
    writeFileSync(join(functionsDir, name, 'config.json'), JSON.stringify(config));
  }
  t = await startTestCloud({
    functionsDir,
    manifest: { collections: [{ name: 'runs', indexes: [] }] },
    defaultTimeoutMs: 20000,
    log: (line) => logged.push(line),
  });
});
afterAll(async () => {
  await t.close();
  rmSync(functionsDir, { recursive: true, force: true });
});
beforeEach(() => t.cloud.clock.reset());

async function runs(fn: string): Promise<number> {
  return (await t.db.collection('runs').where({ fn }).count()).total as number;
}

function resultOf(outcome: InvokeOutcome): { event: unknown; OPENID?: string; SOURCE?: string } {
  if (!outcome.ok) throw new Error(`expected success, got ${outcome.errCode}: ${outcome.errMsg}`);
  return outcome.result as { event: unknown; OPENID?: string; SOURCE?: string };
}

const fired = (ran: TriggerRun[]) => ran.map((r) => `${r.functionName}/${r.triggerName}@${r.scheduledAt}`);

function nextRunOf(fn: string): string | null | undefined {
  return t.cloud.triggers.list().find((trigger) => trigger.functionName === fn)?.nextRun;
}

describe('the schedule, in China time', () => {
  test('09:00 daily: from 00:30 UTC (08:30 in China) the next run is 01:00 UTC', () => {
    t.cloud.clock.setTime(Date.parse('2026-12-05T00:30:00Z'));
    expect(nextRunOf('digest')).toBe('2026-12-05T01:00:00.000Z');
    t.cloud.clock.setTime(Date.parse('2026-12-05T01:00:00Z'));
    expect(nextRunOf('digest')).toBe('2026-12-06T01:00:00.000Z');
  });

  test.each(['America/New_York', 'Asia/Kolkata', 'UTC'])('the same in a process whose zone is %s', (zone) => {
    const script = `
      const { parseTriggers } = require(${JSON.stringify(join(__dirname, '..', 'dist', 'triggers.js'))});
      const trigger = parseTriggers('digest', { triggers: [{ name: 'd', type: 'timer', config: '0 0 9 * * * *' }] });
      process.stdout.write(JSON.stringify([new Date(2026, 0, 1).getTimezoneOffset(), trigger.schedule.nextRun(new Date('2026-12-05T00:30:00Z')).toISOString()]));`;
    const out = execFileSync(process.execPath, ['-e', script], { env: { ...process.env, TZ: zone }, encoding: 'utf8' });
    const offset = { 'America/New_York': 300, 'Asia/Kolkata': -330, UTC: 0 }[zone];
    expect(JSON.parse(out)).toEqual([offset, '2026-12-05T01:00:00.000Z']);
  });

  test('the seventh field is the year', () => {
    t.cloud.clock.setTime(Date.parse('2026-12-05T00:30:00Z'));
    expect(nextRunOf('nextyear')).toBe('2027-01-01T01:00:00.000Z');
    t.cloud.clock.setTime(Date.parse('2028-01-01T00:00:00Z'));
    expect(nextRunOf('nextyear')).toBeNull();
  });

  test('a day of the month and a day of the week both set combine as OR', () => {
    // Tuesday 8 December 2026 → Monday the 14th (by weekday); Monday the 14th, after the run → Tuesday the 15th (by date).
    t.cloud.clock.setTime(Date.parse('2026-12-08T02:00:00Z'));
    expect(nextRunOf('fifteenth')).toBe('2026-12-14T01:00:00.000Z');
    t.cloud.clock.setTime(Date.parse('2026-12-14T02:00:00Z'));
    expect(nextRunOf('fifteenth')).toBe('2026-12-15T01:00:00.000Z');
  });

  test('list shows each valid trigger with its cron', () => {
    expect(
      t.cloud.triggers
        .list()
        .map(({ functionName, name, type, cron }) => ({ functionName, name, type, cron }))
        .sort((a, b) => a.functionName.localeCompare(b.functionName)),
    ).toEqual([
      { functionName: 'digest', name: 'dailyDigest', type: 'timer', cron: '0 0 9 * * * *' },
      { functionName: 'fifteenth', name: 'fifteenthOrMonday', type: 'timer', cron: '0 0 9 15 * 1 *' },
      { functionName: 'nextyear', name: 'newYear', type: 'timer', cron: '0 0 9 * * * 2027' },
    ]);
  });
});

describe('tick', () => {
  test('moving the clock across 09:00 fires the trigger once; ticking again fires nothing', async () => {
    const before = await runs('digest');
    t.cloud.clock.setTime(Date.parse('2026-12-05T00:59:00Z')); // Saturday 08:59 in China
    expect(fired(await t.cloud.triggers.tick())).toEqual([]);
    t.cloud.clock.advance(2 * MINUTE);
    const ran = await t.cloud.triggers.tick();
    expect(fired(ran)).toEqual(['digest/dailyDigest@2026-12-05T01:00:00.000Z']);
    expect(await t.cloud.triggers.tick()).toEqual([]);
    t.cloud.clock.advance(MINUTE);
    expect(await t.cloud.triggers.tick()).toEqual([]);
    expect(await runs('digest')).toBe(before + 1);
  });

  test('a run has no OPENID, SOURCE wx_trigger and the event {Type, TriggerName, Time}', async () => {
    t.cloud.clock.setTime(Date.parse('2026-12-05T00:59:00Z'));
    t.cloud.clock.advance(2 * MINUTE);
    const [run] = await t.cloud.triggers.tick();
    expect(run).toMatchObject({ functionName: 'digest', triggerName: 'dailyDigest' });
    const result = resultOf(run.outcome);
    expect(result.OPENID ?? '').toBe('');
    expect(result.SOURCE).toBe('wx_trigger');
    expect(result.event).toEqual({ Type: 'Timer', TriggerName: 'dailyDigest', Time: '2026-12-05T01:00:00.000Z' });
    expect(run.calls['database.insertDocument']).toBe(1);
  });

  test('a clock advanced three days fires each due trigger once, at its latest run (no backfill)', async () => {
    // Friday 11 December 08:59 in China; three days on is Monday the 14th 08:59 + 2 min, past the 15th-or-Monday run.
    t.cloud.clock.setTime(Date.parse('2026-12-11T00:59:00Z'));
    const before = await runs('digest');
    t.cloud.clock.advance(3 * DAY + 2 * MINUTE);
    expect(fired(await t.cloud.triggers.tick()).sort()).toEqual([
      'digest/dailyDigest@2026-12-14T01:00:00.000Z',
      'fifteenth/fifteenthOrMonday@2026-12-14T01:00:00.000Z',
    ]);
    expect(await t.cloud.triggers.tick()).toEqual([]);
    expect(await runs('digest')).toBe(before + 1);
  });

  test('setting the clock is a jump, not time passing: nothing fires for the runs it skipped', async () => {
    t.cloud.clock.setTime(Date.parse('2026-12-05T00:59:00Z'));
    t.cloud.clock.setTime(Date.parse('2026-12-09T02:00:00Z'));
    expect(await t.cloud.triggers.tick()).toEqual([]);
    // Set back: the count starts from there, and advancing across 09:00 fires again.
    t.cloud.clock.setTime(Date.parse('2026-12-05T00:59:00Z'));
    t.cloud.clock.advance(2 * MINUTE);
    expect(fired(await t.cloud.triggers.tick())).toEqual(['digest/dailyDigest@2026-12-05T01:00:00.000Z']);
  });

  test('invalid triggers are skipped with a log line each, and the valid ones still run', async () => {
    for (const fn of INVALID) {
      expect(logged.filter((line) => line.includes(`trigger of ${fn} is skipped`))).toHaveLength(1);
    }
    expect(logged.join('\n')).toMatch(/only one trigger/);
    expect(logged.join('\n')).toMatch(/"9lives" is not 1–60 letters/);
    expect(logged.join('\n')).toMatch(/"http" is not "timer"/);
    expect(logged.join('\n')).toMatch(/has 6 fields, not 7/);
    expect(logged.join('\n')).toMatch(/outside 1970–2099/);
    t.cloud.clock.setTime(Date.parse('2026-12-05T00:59:00Z'));
    t.cloud.clock.advance(2 * MINUTE);
    const counts = await Promise.all(INVALID.map(runs));
    expect(fired(await t.cloud.triggers.tick())).toEqual(['digest/dailyDigest@2026-12-05T01:00:00.000Z']);
    expect(await Promise.all(INVALID.map(runs))).toEqual(counts);
  });

  test('a redeployed config.json is read again', async () => {
    const file = join(functionsDir, 'plain', 'config.json');
    writeFileSync(file, JSON.stringify({ triggers: [{ name: 'hourly', type: 'timer', config: '0 0 * * * * *' }] }));
    try {
      t.cloud.clock.setTime(Date.parse('2026-12-05T03:59:00Z'));
      t.cloud.clock.advance(2 * MINUTE);
      expect(fired(await t.cloud.triggers.tick())).toEqual(['plain/hourly@2026-12-05T04:00:00.000Z']);
    } finally {
      writeFileSync(file, JSON.stringify(FUNCTIONS.plain));
    }
    expect(t.cloud.triggers.list().map((trigger) => trigger.functionName)).not.toContain('plain');
  });
});

describe('fire', () => {
  test('runs the trigger now, on the cloud clock', async () => {
    t.cloud.clock.setTime(Date.parse('2026-12-05T06:30:00Z'));
    const before = t.cloud.clock.now();
    const { outcome } = await t.cloud.triggers.fire('digest');
    const after = t.cloud.clock.now();
    const event = resultOf(outcome).event as { Type: string; TriggerName: string; Time: string };
    expect(event).toMatchObject({ Type: 'Timer', TriggerName: 'dailyDigest' });
    expect(Date.parse(event.Time)).toBeGreaterThanOrEqual(before);
    expect(Date.parse(event.Time)).toBeLessThanOrEqual(after);
    expect(resultOf(outcome).SOURCE).toBe('wx_trigger');
  });

  test('an unknown function, one with no trigger and one with a refused trigger are clear errors, and nothing runs', async () => {
    const counts = await Promise.all(['plain', 'two'].map(runs));
    await expect(t.cloud.triggers.fire('nosuch')).rejects.toThrow('no function named "nosuch" is deployed');
    await expect(t.cloud.triggers.fire('plain')).rejects.toThrow('the function plain declares no valid timer trigger');
    await expect(t.cloud.triggers.fire('two')).rejects.toThrow('the function two declares no valid timer trigger');
    expect(await Promise.all(['plain', 'two'].map(runs))).toEqual(counts);
  });
});

/** A raw request to the cloud's own server, with exactly these headers. */
function send(
  method: string,
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: string }> {
  const url = new URL(path, t.cloud.url);
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('developer routes', () => {
  test('GET /_dev/triggers lists the triggers with their next run; GET /_dev names the routes', async () => {
    t.cloud.clock.setTime(Date.parse('2026-12-05T00:30:00Z'));
    const res = await send('GET', '/_dev/triggers');
    expect(res.status).toBe(200);
    const body = JSON.parse(res.body) as { triggers: Array<{ functionName: string; nextRun: string }> };
    expect(body.triggers.find((trigger) => trigger.functionName === 'digest')).toEqual({
      functionName: 'digest',
      name: 'dailyDigest',
      type: 'timer',
      cron: '0 0 9 * * * *',
      nextRun: '2026-12-05T01:00:00.000Z',
    });
    const status = JSON.parse((await send('GET', '/_dev')).body) as { devRoutes: string[] };
    expect(status.devRoutes).toEqual(expect.arrayContaining(['GET /_dev/triggers', 'POST /_dev/triggers/<name>/fire']));
  });

  test('POST /_dev/triggers/<function>/fire runs it now; an unknown one is a 404', async () => {
    const before = await runs('digest');
    const res = await send('POST', '/_dev/triggers/digest/fire');
    expect(res.status).toBe(200);
    const { outcome } = JSON.parse(res.body) as { outcome: InvokeOutcome };
    expect(resultOf(outcome).event).toMatchObject({ Type: 'Timer', TriggerName: 'dailyDigest' });
    expect(await runs('digest')).toBe(before + 1);
    const missing = await send('POST', '/_dev/triggers/nosuch/fire');
    expect(missing.status).toBe(404);
    expect(JSON.parse(missing.body)).toEqual({ error: 'no function named "nosuch" is deployed' });
    const none = await send('POST', '/_dev/triggers/plain/fire', { 'content-type': 'application/json' });
    expect(none.status).toBe(404);
  });

  test('a browser Origin is refused on both, and nothing runs', async () => {
    const before = await runs('digest');
    for (const [method, path] of [
      ['GET', '/_dev/triggers'],
      ['POST', '/_dev/triggers/digest/fire'],
    ]) {
      const res = await send(method, path, { origin: 'https://evil.example' });
      expect({ path, status: res.status }).toEqual({ path, status: 403 });
      expect(JSON.parse(res.body).error).toMatch(/^refused: /);
    }
    expect(await runs('digest')).toBe(before);
  });
});

describe('timers: auto', () => {
  test('ticks on its own once started, and stops on close', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'local-cloud-auto-'));
    const auto = await startLocalCloud({
      dataDir,
      functionsDir,
      manifest: { collections: [{ name: 'runs', indexes: [] }] },
      defaultTimeoutMs: 20000,
      timers: 'auto',
      log: () => undefined,
    });
    const inserts = () => auto.actionCounts()['database.insertDocument'] ?? 0;
    try {
      auto.clock.setTime(Date.parse('2026-12-05T00:59:59Z'));
      auto.clock.advance(2 * MINUTE);
      // Waits for the effect (the digest's one insert), up to 15 s; a tick comes every second.
      const deadline = Date.now() + 15_000;
      while (inserts() === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 25));
      expect(inserts()).toBe(1);
    } finally {
      await auto.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
    expect(await auto.triggers.tick()).toEqual([]);
  });
});
