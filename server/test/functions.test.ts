import { join } from 'node:path';
import { formatServiceCardNo, serviceCardCounterId } from '../../domain/service-card';
import { REPO_ROOT } from '../src/app';
import { DEMO_PERSONAS } from '../src/demo';
import { type TestApp, callApi, login, startTestApp } from './helpers';

/**
 * The seeded demo through the real cloud functions, as the H5 app calls them. They are bundles built by
 * `npm run build` (scripts/build-functions.mjs) into dist-cloud/, which `npm test` does first.
 * RB_FUNCTIONS_DIR points it at another build.
 */
const FUNCTIONS_DIR = process.env.RB_FUNCTIONS_DIR ?? join(REPO_ROOT, 'dist-cloud');

interface Row {
  memberId: string;
  status: string;
  flag: string | null;
  community: unknown;
}

describe('the demo data through the built cloud functions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ functionsDir: FUNCTIONS_DIR });
  });
  afterAll(async () => {
    await t.close();
    t.cleanup();
  });

  const call = async (openid: string, fn: string, action: string, data: object = {}) => {
    const res = await callApi(t.app, fn, { action, data }, await login(t.app, openid));
    expect(res.status).toBe(200);
    return res.body as { ok: boolean; data?: unknown; code?: string };
  };

  test('U01’s admin sees new and transferred members first among those not checked in', async () => {
    const res = await call(DEMO_PERSONAS.unitAdmin, 'unit', 'listNotCheckedIn');
    expect(res.ok).toBe(true);
    const rows = (res.data as { members: Row[] }).members;
    expect(rows.every((row) => row.community === null)).toBe(true);
    const flags = rows.map((row) => row.flag);
    expect(flags).toContain('new');
    expect(flags).toContain('transferred');
    expect(flags.slice(0, flags.filter(Boolean).length).every(Boolean)).toBe(true);
    expect(rows.find((row) => row.memberId === DEMO_PERSONAS.memberTransferredIn)?.flag).toBe('transferred');
    expect(rows.find((row) => row.memberId === DEMO_PERSONAS.memberUnverified)?.flag).toBe('new');
  });

  test('who is who: roles come from the seeded documents', async () => {
    const me = async (openid: string) => (await call(openid, 'user', 'getMe')).data as { roles: string[] };
    expect((await me(DEMO_PERSONAS.staff)).roles).toEqual(expect.arrayContaining(['resident', 'staff']));
    expect((await me(DEMO_PERSONAS.unitAdmin)).roles).toEqual(expect.arrayContaining(['resident', 'unitAdmin']));
    expect((await me(DEMO_PERSONAS.memberCheckedIn)).roles).toEqual(expect.arrayContaining(['member']));
    expect((await me(DEMO_PERSONAS.memberUnverified)).roles).not.toContain('member');
    expect((await me(DEMO_PERSONAS.newcomer)).roles).toEqual(['resident']);
  });

  test('a verified member checks in and gets the next 活动证 number after the seeded ones', async () => {
    const counters = t.app.cloud.db
      .getDocument({ collectionName: 'counters' })
      .list.map((doc) => JSON.parse(doc) as { _id: string; value: number });
    const res = await call(DEMO_PERSONAS.memberVerified, 'checkin', 'checkIn', { communityId: 'C01' });
    expect(res.ok).toBe(true);
    const result = res.data as { outcome: string; serviceCardNo: string };
    expect(result.outcome).toBe('checkedIn');
    const [year, counter] = [Number(result.serviceCardNo.slice(2, 6)), Number(result.serviceCardNo.slice(6, 8))];
    const before = counters.find((c) => c._id === serviceCardCounterId(year, counter))?.value ?? 0;
    expect(result.serviceCardNo).toBe(formatServiceCardNo(year, counter, before + 1));
  });

  test('the member who moved home has a transferred check-in in the history', async () => {
    const res = await call(DEMO_PERSONAS.memberMovedHome, 'checkin', 'getMine');
    const mine = res.data as { history: Array<{ status: string; community: { id: string } }> };
    expect(mine.history.map((item) => [item.community.id, item.status])).toEqual([
      ['C01', 'active'],
      ['C03', 'transferred'],
    ]);
  });
});
