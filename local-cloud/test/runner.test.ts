import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { InvokeOutcome } from '../dist/index';
import { type TestCloud, startTestCloud } from 'wx-local-cloud/testing';
import { FUNCTIONS_DIR } from './fixtures';

const ENV = 'runner-env';
/** Generous, so that a busy machine cannot time out fixtures without a timeout of their own (slow has 1 s). */
const FUNCTION_TIMEOUT_MS = 20000;

let t: TestCloud;
beforeAll(async () => {
  t = await startTestCloud({
    functionsDir: FUNCTIONS_DIR,
    env: ENV,
    manifest: { collections: [{ name: 'counters', indexes: [] }] },
    defaultTimeoutMs: FUNCTION_TIMEOUT_MS,
  });
});
afterAll(() => t.close());

type Context = Record<string, string | number | undefined>;
interface WhoAmI {
  before: Context;
  after: Context;
}

/** The result of a successful invocation, or fails the test with the outcome. */
function resultOf<T>(outcome: InvokeOutcome): T {
  if (!outcome.ok) throw new Error(`expected success, got ${outcome.errCode}: ${outcome.errMsg}`);
  return outcome.result as T;
}

async function whoami(openid: string, pauseMs: number): Promise<WhoAmI> {
  const { outcome } = await t.cloud.invoke('whoami', { pauseMs }, { openid });
  return resultOf<WhoAmI>(outcome);
}

describe('identity per invocation', () => {
  test('two concurrent invocations each see their own OPENID before and after the pause', async () => {
    const [a, b] = await Promise.all([whoami('o-alice', 300), whoami('o-bob', 50)]);
    expect([a.before.OPENID, a.after.OPENID]).toEqual(['o-alice', 'o-alice']);
    expect([b.before.OPENID, b.after.OPENID]).toEqual(['o-bob', 'o-bob']);
  });

  test('20 concurrent invocations with distinct openids all see their own', async () => {
    const openids = Array.from({ length: 20 }, (_, i) => `o-user-${i}`);
    const results = await Promise.all(openids.map((openid, i) => whoami(openid, 20 + ((i * 37) % 120))));
    expect(results.map((r) => r.before.OPENID)).toEqual(openids);
    expect(results.map((r) => r.after.OPENID)).toEqual(openids);
  });

  test('APPID, UNIONID, CLIENTIP, SOURCE and ENV are passed', async () => {
    const { outcome } = await t.cloud.invoke(
      'whoami',
      {},
      { openid: 'o-ctx', appid: 'wx-app-1', unionid: 'u-ctx', clientIp: '10.1.2.3' },
    );
    const { before } = resultOf<WhoAmI>(outcome);
    expect(before).toMatchObject({
      OPENID: 'o-ctx',
      APPID: 'wx-app-1',
      UNIONID: 'u-ctx',
      CLIENTIP: '10.1.2.3',
      SOURCE: 'wx_client',
      ENV: ENV,
    });
  });

  test('a source given in the identity is passed as SOURCE', async () => {
    const { outcome } = await t.cloud.invoke('whoami', {}, { openid: 'o-src', source: 'wx_devtools' });
    expect(resultOf<WhoAmI>(outcome).before.SOURCE).toBe('wx_devtools');
  });

  test("an identity does not leak into a later invocation's fields", async () => {
    const first = await t.cloud.invoke('whoami', {}, { openid: 'o-first', appid: 'wx-first', unionid: 'u-first' });
    expect(resultOf<WhoAmI>(first.outcome).before.UNIONID).toBe('u-first');
    // Sequential invocations reuse an idle worker: the second one must not see the first one's identity.
    for (let i = 0; i < 4; i += 1) {
      const { outcome } = await t.cloud.invoke('whoami', {}, { openid: `o-next-${i}` });
      const { before } = resultOf<WhoAmI>(outcome);
      expect(before.OPENID).toBe(`o-next-${i}`);
      expect(['', undefined]).toContain(before.UNIONID);
      expect(['', undefined]).toContain(before.APPID);
    }
  });
});

describe('concurrent writes', () => {
  test('50 concurrent counter invocations on one document end at exactly n = 50', async () => {
    await t.db.collection('counters').add({ data: { _id: 'by-function', n: 0 } });
    const started = Date.now();
    const runs = await Promise.all(
      Array.from({ length: 50 }, () => t.cloud.invoke('counter', { collection: 'counters', id: 'by-function' }, {})),
    );
    console.log(`50 counter invocations took ${Date.now() - started} ms`);
    expect(runs.map((r) => r.outcome.ok)).toEqual(Array(50).fill(true));
    expect(runs.map((r) => resultOf<{ updated: number }>(r.outcome).updated)).toEqual(Array(50).fill(1));
    const { data } = await t.db.collection('counters').doc('by-function').get();
    expect(data.n).toBe(50);
  });

  test('50 concurrent _.inc(1) updates from the test process end at exactly 50', async () => {
    await t.db.collection('counters').add({ data: { _id: 'by-sdk', n: 0 } });
    const results = await Promise.all(
      Array.from({ length: 50 }, () =>
        t.db
          .collection('counters')
          .doc('by-sdk')
          .update({ data: { n: t._.inc(1) } }),
      ),
    );
    expect(results.map((r: { stats: { updated: number } }) => r.stats.updated)).toEqual(Array(50).fill(1));
    const { data } = await t.db.collection('counters').doc('by-sdk').get();
    expect(data.n).toBe(50);
  });
});

describe('failures', () => {
  test('a function that throws returns errCode -504002 with its message', async () => {
    const { outcome } = await t.cloud.invoke('boom', { reason: 'the-reason-42' }, { openid: 'o-boom' });
    expect(outcome).toMatchObject({ ok: false, errCode: -504002 });
    expect((outcome as { errMsg: string }).errMsg).toContain('boom: the-reason-42');
  });

  test('a function past its config.json timeout returns -504003, and the next invocation succeeds', async () => {
    const timedOut = await t.cloud.invoke('slow', { sleepMs: 3000 }, { openid: 'o-slow' });
    console.log(`slow(3000) with a 1 s timeout answered after ${timedOut.outcome.durationMs} ms`);
    expect(timedOut.outcome).toMatchObject({ ok: false, errCode: -504003 });
    const next = await t.cloud.invoke('slow', { sleepMs: 10 }, { openid: 'o-slow' });
    expect(next.outcome).toMatchObject({ ok: true, result: { slept: 10 } });
  });

  test('a function whose instance dies (unhandled rejection) fails at once with -504002, and the next call runs', async () => {
    const { outcome } = await t.cloud.invoke('crash', {}, { openid: 'o' });
    expect(outcome).toMatchObject({ ok: false, errCode: -504002 });
    if (outcome.ok) throw new Error('expected a failure');
    expect(outcome.errMsg).toMatch(/exited/);
    const again = await t.cloud.invoke('whoami', {}, { openid: 'o-after-crash' });
    expect(again.outcome).toMatchObject({ ok: true, result: { after: { OPENID: 'o-after-crash' } } });
  });

  test('an event structured cloning refuses (a function value) answers -501007 instead of dropping the failure', async () => {
    const { outcome } = await t.cloud.invoke('whoami', { callback: () => 'not data' }, { openid: 'o-clone' });
    expect(outcome).toMatchObject({ ok: false, errCode: -501007 });
    const again = await t.cloud.invoke('whoami', {}, { openid: 'o-after-clone' });
    expect(again.outcome).toMatchObject({ ok: true, result: { before: { OPENID: 'o-after-clone' } } });
  });

  test('an event nested deeper than the limit is refused before it reaches a worker (-501007)', async () => {
    let event: unknown = {};
    for (let i = 0; i < 4000; i++) event = { a: event };
    const { outcome, calls } = await t.cloud.invoke('whoami', event, { openid: 'o-deep' });
    expect(outcome).toMatchObject({ ok: false, errCode: -501007 });
    expect(calls).toEqual({});
    let atLimit: unknown = {};
    for (let i = 1; i < 32; i++) atLimit = { a: atLimit };
    expect((await t.cloud.invoke('whoami', atLimit, { openid: 'o-deep' })).outcome.ok).toBe(true);
  });

  test('an unknown function returns -501000', async () => {
    const { outcome } = await t.cloud.invoke('no-such-function', {}, { openid: 'o' });
    expect(outcome).toMatchObject({ ok: false, errCode: -501000 });
  });

  test.each(['../functions/whoami', 'whoami/../whoami', '', '.', '..'])(
    'a function name with path parts (%j) returns -501000',
    async (name) => {
      const { outcome } = await t.cloud.invoke(name, {}, { openid: 'o' });
      expect(outcome).toMatchObject({ ok: false, errCode: -501000 });
    },
  );
});

describe('function calling function', () => {
  test("caller calling whoami: the callee's SOURCE is 'wx_client,scf' with the same OPENID", async () => {
    const { outcome } = await t.cloud.invoke(
      'caller',
      { target: 'whoami', data: { pauseMs: 10 } },
      { openid: 'o-chain', appid: 'wx-chain' },
    );
    const result = resultOf<{ own: Context; callee: WhoAmI }>(outcome);
    expect(result.own).toMatchObject({ OPENID: 'o-chain', SOURCE: 'wx_client' });
    expect(result.callee.before).toMatchObject({ OPENID: 'o-chain', APPID: 'wx-chain', SOURCE: 'wx_client,scf' });
    expect(result.callee.after).toMatchObject({ OPENID: 'o-chain', SOURCE: 'wx_client,scf' });
  });

  test('a callee that throws makes the caller fail', async () => {
    const { outcome } = await t.cloud.invoke('caller', { target: 'boom', data: { reason: 'deep' } }, { openid: 'o' });
    expect(outcome).toMatchObject({ ok: false, errCode: -504002 });
  });
});

describe('admin calls per invocation', () => {
  test('counter makes exactly one database.modifyDocument; whoami makes none', async () => {
    await t.db.collection('counters').add({ data: { _id: 'calls', n: 0 } });
    const counter = await t.cloud.invoke('counter', { collection: 'counters', id: 'calls' }, {});
    expect(counter.outcome.ok).toBe(true);
    expect(counter.calls).toEqual({ 'database.modifyDocument': 1 });
    const who = await t.cloud.invoke('whoami', {}, { openid: 'o-calls' });
    expect(who.calls).toEqual({});
  });

  test('concurrent invocations each count only their own calls', async () => {
    await t.db.collection('counters').add({ data: { _id: 'calls-concurrent', n: 0 } });
    const runs = await Promise.all(
      Array.from({ length: 6 }, () =>
        t.cloud.invoke('counter', { collection: 'counters', id: 'calls-concurrent' }, {}),
      ),
    );
    expect(runs.map((r) => r.calls)).toEqual(Array(6).fill({ 'database.modifyDocument': 1 }));
  });

  test('caller counts its functions.invokeFunction', async () => {
    const { calls } = await t.cloud.invoke('caller', { target: 'whoami' }, { openid: 'o-calls' });
    expect(calls).toEqual({ 'functions.invokeFunction': 1 });
  });
});

describe('the /_dev HTTP routes', () => {
  test('POST /_dev/functions/whoami/invoke runs the function as the given identity', async () => {
    const res = await fetch(`${t.cloud.url}/_dev/functions/whoami/invoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ event: { pauseMs: 5 }, identity: { openid: 'o-http', appid: 'wx-http' } }),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { outcome: InvokeOutcome; calls: Record<string, number> };
    expect(body.outcome).toMatchObject({
      ok: true,
      result: {
        before: { OPENID: 'o-http', APPID: 'wx-http', SOURCE: 'wx_client', ENV },
        after: { OPENID: 'o-http' },
      },
    });
    expect(body.calls).toEqual({});
  });

  test('POST /_dev/functions/<unknown>/invoke answers -501000', async () => {
    const res = await fetch(`${t.cloud.url}/_dev/functions/nope/invoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    const body = (await res.json()) as { outcome: InvokeOutcome };
    expect(body.outcome).toMatchObject({ ok: false, errCode: -501000 });
  });

  test('POST /_dev/functions/<name>/invoke with a body that is not JSON, or not its shape, answers 400 saying so', async () => {
    for (const body of ['{not json', '[1,2]', '{"event":{},"identity":{"openid":5}}', '{"evnt":{}}']) {
      const res = await fetch(`${t.cloud.url}/_dev/functions/whoami/invoke`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      expect({ body, status: res.status }).toEqual({ body, status: 400 });
      const answer = (await res.json()) as { error: string };
      expect(answer.error).toMatch(/^the body is not (JSON|what this route takes)/);
      expect(answer.error).toContain('{"event": {…}, "identity": {"openid": "…"}}');
      expect(answer.error).not.toMatch(/Unexpected|position|SyntaxError/);
    }
  });

  test('GET /_dev lists the functions', async () => {
    const body = (await (await fetch(`${t.cloud.url}/_dev`)).json()) as { functions: string[]; env: string };
    expect(body.env).toBe(ENV);
    expect(body.functions).toEqual(expect.arrayContaining(['whoami', 'counter', 'boom', 'slow', 'caller']));
  });
});

describe('functions written at test time', () => {
  let hot: TestCloud;
  let functionsDir: string;

  function writeFunction(name: string, source: string, config?: unknown): string {
    mkdirSync(join(functionsDir, name), { recursive: true });
    if (config) writeFileSync(join(functionsDir, name, 'config.json'), JSON.stringify(config));
    const entry = join(functionsDir, name, 'index.js');
    writeFileSync(entry, source);
    return entry;
  }

  /** Gives a file a modification time `seconds` from now, so that the change cannot hide in the same tick. */
  function touch(file: string, seconds: number): void {
    const when = Date.now() / 1000 + seconds;
    utimesSync(file, when, when);
  }

  beforeAll(async () => {
    functionsDir = mkdtempSync(join(tmpdir(), 'local-cloud-functions-'));
    writeFunction('hot', 'exports.main = async () => ({ version: 1 });\n');
    writeFunction(
      'spin',
      'exports.main = async (event) => { if (event.spin) { for (;;) {} } return { fresh: true }; };\n',
      { timeout: 1 },
    );
    writeFunction('broken', 'exports.main = async () => ({ ok: true ;\n');
    hot = await startTestCloud({ functionsDir, workersPerFunction: 1, defaultTimeoutMs: FUNCTION_TIMEOUT_MS });
  });
  afterAll(async () => {
    await hot.close();
    rmSync(functionsDir, { recursive: true, force: true });
    // Point this file's SDK back at the main cloud.
    Object.assign(process.env, t.cloud.sdkEnvironment());
  });

  test('a function edited on disk is reloaded', async () => {
    const v1 = await hot.cloud.invoke('hot', {}, { openid: 'o-hot' });
    expect(v1.outcome).toMatchObject({ ok: true, result: { version: 1 } });

    const entry = writeFunction('hot', 'exports.main = async () => ({ version: 2 });\n');
    touch(entry, 5);
    const v2 = await hot.cloud.invoke('hot', {}, { openid: 'o-hot' });
    expect(v2.outcome).toMatchObject({ ok: true, result: { version: 2 } });

    const again = await hot.cloud.invoke('hot', {}, { openid: 'o-hot' });
    expect(again.outcome).toMatchObject({ ok: true, result: { version: 2 } });
  });

  test('a function stuck in a busy loop times out and its only worker is replaced', async () => {
    const stuck = await hot.cloud.invoke('spin', { spin: true }, { openid: 'o-spin' });
    expect(stuck.outcome).toMatchObject({ ok: false, errCode: -504003 });
    const next = await hot.cloud.invoke('spin', {}, { openid: 'o-spin' });
    expect(next.outcome).toMatchObject({ ok: true, result: { fresh: true } });
  });

  test('a function that does not load fails with -504002, and works once fixed', async () => {
    const failed = await hot.cloud.invoke('broken', {}, { openid: 'o-broken' });
    expect(failed.outcome).toMatchObject({ ok: false, errCode: -504002 });
    const entry = writeFunction('broken', 'exports.main = async () => ({ fixed: true });\n');
    touch(entry, 10);
    const fixed = await hot.cloud.invoke('broken', {}, { openid: 'o-broken' });
    expect(fixed.outcome).toMatchObject({ ok: true, result: { fixed: true } });
  });

  test('a function created after the cloud started can be invoked', async () => {
    writeFunction('late', 'exports.main = async (event) => ({ echo: event.word });\n');
    const { outcome } = await hot.cloud.invoke('late', { word: 'hello' }, { openid: 'o-late' });
    expect(outcome).toMatchObject({ ok: true, result: { echo: 'hello' } });
  });

  test('with one worker, concurrent invocations are serialised and each keeps its identity', async () => {
    writeFunction(
      'ident',
      `exports.main = async (event) => {
  const before = process.env.WX_OPENID;
  await new Promise((resolve) => setTimeout(resolve, event.pauseMs));
  return { before, after: process.env.WX_OPENID };
};
`,
    );
    const runs = await Promise.all(
      ['o-x', 'o-y', 'o-z'].map((openid, i) => hot.cloud.invoke('ident', { pauseMs: 60 - i * 20 }, { openid })),
    );
    expect(runs.map((r) => resultOf<{ before: string; after: string }>(r.outcome))).toEqual([
      { before: 'o-x', after: 'o-x' },
      { before: 'o-y', after: 'o-y' },
      { before: 'o-z', after: 'o-z' },
    ]);
  });
});

describe('the clock the functions see', () => {
  const DAY = 86_400_000;
  async function functionNow(): Promise<number> {
    const { outcome } = await t.cloud.invoke('clock', {}, { openid: 'o-clock' });
    return resultOf<{ now: number }>(outcome).now;
  }
  afterEach(() => t.cloud.clock.reset());

  test('Date.now() in a function moves with clock.advance and clock.setTime, and comes back with reset', async () => {
    const start = Date.now();
    t.cloud.clock.advance(90 * DAY);
    const advanced = await functionNow();
    expect(advanced).toBeGreaterThanOrEqual(start + 90 * DAY);
    expect(advanced).toBeLessThanOrEqual(Date.now() + 90 * DAY);

    const target = Date.UTC(2027, 2, 31, 15, 59, 59);
    const setAt = Date.now();
    t.cloud.clock.setTime(target);
    const set = await functionNow();
    expect(set).toBeGreaterThanOrEqual(target);
    expect(set).toBeLessThanOrEqual(target + (Date.now() - setAt));

    t.cloud.clock.reset();
    const before = Date.now();
    const back = await functionNow();
    expect(back).toBeGreaterThanOrEqual(before);
    expect(back).toBeLessThanOrEqual(Date.now());
  });

  test('each invocation reads the offset when it starts, on every worker', async () => {
    t.cloud.clock.advance(-30 * DAY);
    const start = Date.now();
    const seen = await Promise.all(Array.from({ length: 8 }, () => functionNow()));
    const end = Date.now();
    for (const now of seen) {
      expect(now).toBeGreaterThanOrEqual(start - 30 * DAY);
      expect(now).toBeLessThanOrEqual(end - 30 * DAY);
    }
  });
});
