import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { ERRORS } from '../../types';
import { type AppServer, REPO_ROOT } from '../src/app';
import { DEMO_PERSONAS } from '../src/demo';
import { SESSION_COOKIE } from '../src/session';
import { CONTRACT_SHAPES, everyAction, wrongRequests } from './contract-actions';
import { type TestApp, startTestApp } from './helpers';

/**
 * Every action of every function in the contract, sent wrong requests over HTTP as the app sends right ones, as
 * people in each role: none may answer 5xx, every refusal is a code with a plain Chinese message, and the database
 * stays exactly as it was. The seed is fixed so that a failure replays (FUZZ_SEED picks another).
 */
const FUNCTIONS_DIR = process.env.RB_FUNCTIONS_DIR ?? join(REPO_ROOT, 'dist-cloud');
const SEED = Number(process.env.FUZZ_SEED ?? 20261202);
const RUNS_PER_ACTION = 200;

const ROLES: Record<string, string> = {
  resident: DEMO_PERSONAS.resident,
  'unverified member': DEMO_PERSONAS.memberUnverified,
  'verified member': DEMO_PERSONAS.memberCheckedIn,
  'rejected member': DEMO_PERSONAS.memberRejected,
  staff: DEMO_PERSONAS.staff,
  'unit admin': DEMO_PERSONAS.unitAdmin,
  'county admin': DEMO_PERSONAS.countyAdmin,
};

/** One hash of every document in every collection, read through the database's own API. */
function databaseDigest(app: AppServer): string {
  const { db } = app.cloud;
  const hash = createHash('sha256');
  for (const collectionName of db.store.collectionNames()) {
    hash.update(`\u0000${collectionName}\u0000`);
    for (let offset = 0; ; offset += 1000) {
      const { list } = db.getDocument({ collectionName, offset, limit: 1000 });
      for (const doc of list) hash.update(doc);
      if (list.length < 1000) break;
    }
  }
  return hash.digest('hex');
}

/**
 * How many rows the store has written since it opened (SQLite's total_changes on the one connection every write goes
 * through): cheap enough to check after every request, and it moves on any write, even one that rewrites the same
 * value. The digest above is still compared after each action, in case writes ever take another way.
 */
function writesSoFar(app: AppServer): number {
  return (app.cloud.db.store.main.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
}

const HAN = /\p{Script=Han}/u;
/** What must never reach a user: Latin words (error names, stack frames, English messages), paths, line numbers. */
const INTERNALS = /[A-Za-z]|[/\\]|:\d+/;

function expectPlainRefusal(status: number, text: string): void {
  expect(status).toBeLessThan(500);
  const body = JSON.parse(text) as { ok?: unknown; code?: unknown; message?: unknown };
  expect(body.ok).toBe(false);
  expect(Object.keys(ERRORS)).toContain(body.code);
  expect(typeof body.message).toBe('string');
  const message = body.message as string;
  expect(message).toMatch(HAN);
  expect(message).not.toMatch(INTERNALS);
}

describe(`every action refuses wrong requests, changing nothing (fast-check seed ${SEED})`, () => {
  let t: TestApp;
  let cookies: Array<[string, string]>;
  let digestBefore: string;
  let writesBefore: number;

  beforeAll(async () => {
    t = await startTestApp({ functionsDir: FUNCTIONS_DIR });
    cookies = Object.entries(ROLES).map(([role, openid]) => [role, `${SESSION_COOKIE}=${t.app.sessionFor(openid)}`]);
    digestBefore = databaseDigest(t.app);
    writesBefore = writesSoFar(t.app);
  });
  afterAll(async () => {
    await t.close();
    t.cleanup();
  });

  test.each(everyAction())(
    '%s.%s',
    async (fn, action, shape) => {
      const role = fc.constantFrom(...cookies);
      await fc.assert(
        fc.asyncProperty(role, wrongRequests(shape), async ([, cookie], data) => {
          const res = await fetch(`${t.app.url}/api/${fn}`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', cookie },
            body: JSON.stringify({ action, data }),
          });
          expectPlainRefusal(res.status, await res.text());
          expect(writesSoFar(t.app)).toBe(writesBefore);
        }),
        { seed: SEED, numRuns: RUNS_PER_ACTION },
      );
      expect(databaseDigest(t.app)).toBe(digestBefore);
    },
    60_000,
  );

  test('the contract, and so the fuzzing, covers every function the server runs', () => {
    const built = readdirSync(FUNCTIONS_DIR, { withFileTypes: true }).filter((entry) => entry.isDirectory());
    expect(Object.keys(CONTRACT_SHAPES).sort()).toEqual(built.map((entry) => entry.name).sort());
  });
});
