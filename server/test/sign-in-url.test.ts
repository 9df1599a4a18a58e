import { join } from 'node:path';
import { codeStep, makeCode } from '../../domain/sign-in-code';
import { SIGN_IN_PAGE } from '../../types';
import { REPO_ROOT } from '../src/app';
import { DEMO_PERSONAS } from '../src/demo';
import { login, okAction, useTestApp } from './helpers';

/**
 * Issue 10: `GET /qd?c=<code>` is what a phone's camera opens from an activity's rotating code in the browser build;
 * `POST /dev/clock` moves the functions' time for the end-to-end tests, only with the demo sign-in and never from
 * another site.
 */

const FUNCTIONS_DIR = process.env.RB_FUNCTIONS_DIR ?? join(REPO_ROOT, 'dist-cloud');
const PAGE = `/#/${SIGN_IN_PAGE}`;
const HOUR = 60 * 60 * 1000;

const get = (url: string, cookie?: string) => fetch(url, { redirect: 'manual', headers: cookie ? { cookie } : {} });

describe('GET /qd through the built functions', () => {
  const t = useTestApp({ functionsDir: FUNCTIONS_DIR });

  /** A current activity of C01 and the code its staff phone shows now. */
  async function currentCode(): Promise<{ activityId: string; code: string }> {
    const staff = await login(t.app, DEMO_PERSONAS.staff);
    const now = t.app.cloud.clock.now();
    const { activity } = await okAction(t.app, staff, 'activity', 'save', {
      title: '楼道清洁',
      place: '东街社区活动室',
      startsAt: now - 10 * 60 * 1000,
      endsAt: now + 2 * HOUR,
      geo: null,
      capacity: 20,
      postId: null,
    });
    const key = await okAction(t.app, staff, 'activity', 'getCodeKey', { activityId: activity.id });
    return {
      activityId: activity.id,
      code: makeCode(activity.id, codeStep(key.serverNow, key.codeSeconds), key.secret),
    };
  }

  const holds = () => t.app.cloud.db.getDocument({ collectionName: 'codeHolds' }).list.length;

  test('signed in: on to the sign-in page with the whole scanned URL as q', async () => {
    const { code } = await currentCode();
    const member = await login(t.app, DEMO_PERSONAS.memberCheckedIn);
    const res = await get(`${t.app.url}/qd?c=${code}`, member);
    expect(res.status).toBe(303);
    const { host } = new URL(t.app.url);
    expect(res.headers.get('location')).toBe(`${PAGE}?q=${encodeURIComponent(`http://${host}/qd?c=${code}`)}`);
  });

  test('not signed in: the code is held, the sign-in comes first, and the hold signs the member in after it', async () => {
    const { activityId, code } = await currentCode();
    const before = holds();
    const res = await get(`${t.app.url}/qd?c=${code}`);
    expect(res.status).toBe(303);
    const location = new URL(res.headers.get('location') ?? '', t.app.url);
    expect(location.pathname).toBe('/dev/login');
    const next = location.searchParams.get('next') ?? '';
    const holdId = /\?hold=([^&]+)$/.exec(next)?.[1];
    expect(next).toBe(`${PAGE}?hold=${holdId}`);
    expect(holds()).toBe(before + 1);

    // Two minutes later the member has signed in, and the page redeems the hold.
    t.app.cloud.clock.advance(2 * 60 * 1000);
    const member = await login(t.app, DEMO_PERSONAS.memberCheckedIn, next);
    const scan = await okAction(t.app, member, 'activity', 'scan', { holdId: decodeURIComponent(holdId ?? '') });
    expect(scan.outcome).toBe('signedIn');
    expect(scan.activity.id).toBe(activityId);
  });

  test('a refused code is held for no one: the sign-in page with q says why', async () => {
    const { code } = await currentCode();
    const forged = code.slice(0, -1) + (code.endsWith('0') ? '1' : '0');
    const before = holds();
    const res = await get(`${t.app.url}/qd?c=${forged}`);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toMatch(new RegExp(`^${PAGE.replace(/[/#?]/g, '\\$&')}\\?q=`));
    expect(holds()).toBe(before);
  });

  afterEach(() => t.app.cloud.clock.reset());
});

describe('POST /dev/clock', () => {
  const t = useTestApp({ seed: false });
  const post = (body: string, headers: Record<string, string>) =>
    fetch(`${t.app.url}/dev/clock`, { method: 'POST', headers, body });

  afterEach(() => t.app.cloud.clock.reset());

  test('moves the functions’ clock (JSON or form) and answers the new time', async () => {
    const json = await post(JSON.stringify({ advanceMs: 2 * HOUR }), { 'content-type': 'application/json' });
    expect(json.status).toBe(200);
    expect(t.app.cloud.clock.offset).toBe(2 * HOUR);
    const { now } = (await json.json()) as { now: number };
    expect(now).toBeGreaterThan(Date.now() + HOUR);
    const form = await post('advanceMs=60000', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(form.status).toBe(200);
    expect(t.app.cloud.clock.offset).toBe(2 * HOUR + 60000);
  });

  test('refused from another site’s page, and for a value that is not a whole number of ms; the clock stays', async () => {
    const foreign = await post(JSON.stringify({ advanceMs: HOUR }), {
      'content-type': 'application/json',
      origin: 'https://evil.example',
    });
    expect(foreign.status).toBe(403);
    for (const advanceMs of ['soon', 1.5, null, 1e20]) {
      const res = await post(JSON.stringify({ advanceMs }), { 'content-type': 'application/json' });
      expect({ advanceMs, status: res.status }).toEqual({ advanceMs, status: 400 });
    }
    expect(t.app.cloud.clock.offset).toBe(0);
  });
});

describe('POST /dev/clock without the demo sign-in', () => {
  const t = useTestApp({ devLogin: false, seed: false });

  test('is not there: 404, and the clock stays', async () => {
    const res = await fetch(`${t.app.url}/dev/clock`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ advanceMs: 1000 }),
    });
    expect(res.status).toBe(404);
    expect(t.app.cloud.clock.offset).toBe(0);
  });
});
