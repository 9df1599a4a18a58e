import { join } from 'node:path';
import { formatServiceCardNo, serviceCardCounterId } from '../../domain/service-card';
import { REPO_ROOT } from '../src/app';
import { DEMO_PERSONAS } from '../src/demo';
import type { ActionName, CounterDoc, FunctionName, RequestOf, ResponseOf } from '../../types';
import { login, okAction, useTestApp } from './helpers';

/**
 * The seeded demo through the real cloud functions, as the H5 app calls them. They are bundles built by
 * `npm run build` (scripts/build-functions.mjs) into dist-cloud/, which `npm test` does first.
 * RB_FUNCTIONS_DIR points it at another build.
 */
const FUNCTIONS_DIR = process.env.RB_FUNCTIONS_DIR ?? join(REPO_ROOT, 'dist-cloud');

describe('the demo data through the built cloud functions', () => {
  const t = useTestApp({ functionsDir: FUNCTIONS_DIR });

  /** The action's data as `openid` signed in through the demo sign-in; fails the test on a refusal. */
  const ok = async <F extends FunctionName, A extends ActionName<F>>(
    openid: string,
    fn: F,
    action: A,
    data: RequestOf<F, A>,
  ): Promise<ResponseOf<F, A>> => okAction(t.app, await login(t.app, openid), fn, action, data);

  test('U01’s admin sees new and transferred members first among those not checked in', async () => {
    const rows = (await ok(DEMO_PERSONAS.unitAdmin, 'unit', 'listNotCheckedIn', {})).members;
    expect(rows.every((row) => row.community === null)).toBe(true);
    const flags = rows.map((row) => row.flag);
    expect(flags).toContain('new');
    expect(flags).toContain('transferred');
    expect(flags.slice(0, flags.filter(Boolean).length).every(Boolean)).toBe(true);
    expect(rows.find((row) => row.memberId === DEMO_PERSONAS.memberTransferredIn)?.flag).toBe('transferred');
    expect(rows.find((row) => row.memberId === DEMO_PERSONAS.memberUnverified)?.flag).toBe('new');
  });

  test('who is who: roles come from the seeded documents', async () => {
    const me = (openid: string) => ok(openid, 'user', 'getMe', {});
    expect((await me(DEMO_PERSONAS.staff)).roles).toEqual(expect.arrayContaining(['resident', 'staff']));
    expect((await me(DEMO_PERSONAS.unitAdmin)).roles).toEqual(expect.arrayContaining(['resident', 'unitAdmin']));
    expect((await me(DEMO_PERSONAS.memberCheckedIn)).roles).toEqual(expect.arrayContaining(['member']));
    expect((await me(DEMO_PERSONAS.memberUnverified)).roles).not.toContain('member');
    expect((await me(DEMO_PERSONAS.newcomer)).roles).toEqual(['resident']);
  });

  test('a verified member checks in and gets the next 活动证 number after the seeded ones', async () => {
    const counters = t.app.cloud.db
      .getDocument({ collectionName: 'counters' })
      .list.map((doc) => JSON.parse(doc) as CounterDoc);
    const result = await ok(DEMO_PERSONAS.memberVerified, 'checkin', 'checkIn', { communityId: 'C01' });
    expect(result.outcome).toBe('checkedIn');
    const [year, counter] = [Number(result.serviceCardNo.slice(2, 6)), Number(result.serviceCardNo.slice(6, 8))];
    const before = counters.find((c) => c._id === serviceCardCounterId(year, counter))?.value ?? 0;
    expect(result.serviceCardNo).toBe(formatServiceCardNo(year, counter, before + 1));
  });

  test('the member who moved home has a transferred check-in in the history', async () => {
    const mine = await ok(DEMO_PERSONAS.memberMovedHome, 'checkin', 'getMine', {});
    expect(mine.history.map((item) => [item.community.id, item.status])).toEqual([
      ['C01', 'active'],
      ['C03', 'transferred'],
    ]);
  });
});
