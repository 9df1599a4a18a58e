import type { TestCloud } from 'wx-local-cloud/testing';
import type { ErrorCode } from '../../../types';
import { call, ok, snapshot, startFunctionsCloud, storedDoc } from '../helpers';
import { MINUTE, anActivity, checkedInMember, codeOf, created, seedActivities } from './setup';

let t: TestCloud;
beforeAll(async () => {
  t = await startFunctionsCloud();
  await seedActivities(t);
  await checkedInMember(t, 'm-holder');
  await checkedInMember(t, 'm-friend');
});
afterAll(() => t.close());

async function refused(openid: string, action: 'scan' | 'holdCode', data: unknown, code: ErrorCode): Promise<void> {
  const before = await snapshot(t);
  expect(await call(t, openid, 'activity', action, data)).toMatchObject({ ok: false, code });
  expect(await snapshot(t)).toBe(before);
}

describe('activity.holdCode', () => {
  test('held by someone not yet signed in to the app, redeemed two minutes later, once', async () => {
    const activity = await created(t, anActivity(t, 0));
    const held = await ok(t, 'new-person', 'activity', 'holdCode', { code: await codeOf(t, activity) });
    expect(held).toEqual({ holdId: expect.any(String), activityTitle: '清理楼道杂物', expiresAt: expect.any(Number) });
    const hold = await storedDoc(t, 'codeHolds', held.holdId);
    expect(held.expiresAt).toBe(hold.heldAt + 5 * MINUTE);

    t.cloud.clock.advance(2 * MINUTE);
    const scanned = await ok(t, 'm-holder', 'activity', 'scan', { holdId: held.holdId });
    expect(scanned).toMatchObject({ outcome: 'signedIn', signedInAt: hold.heldAt });
    expect(await storedDoc(t, 'codeHolds', held.holdId)).toMatchObject({ redeemedBy: 'm-holder' });
    await refused('m-friend', 'scan', { holdId: held.holdId }, 'HOLD_EXPIRED');
    // The redeemer asking again changes nothing.
    expect((await ok(t, 'm-holder', 'activity', 'scan', { holdId: held.holdId })).outcome).toBe('alreadySignedIn');
  });

  test('a hold is refused after five minutes, and an unknown hold at once', async () => {
    const activity = await created(t, anActivity(t, 0));
    const held = await ok(t, 'new-person', 'activity', 'holdCode', { code: await codeOf(t, activity) });
    t.cloud.clock.advance(6 * MINUTE);
    await refused('m-friend', 'scan', { holdId: held.holdId }, 'HOLD_EXPIRED');
    await refused('m-friend', 'scan', { holdId: 'nothing-held' }, 'HOLD_EXPIRED');
  });

  test('a hold checks the code exactly as a scan does', async () => {
    const activity = await created(t, anActivity(t, 0));
    const good = await codeOf(t, activity);
    await refused('new-person', 'holdCode', { code: await codeOf(t, activity, 2) }, 'CODE_EXPIRED');
    await refused(
      'new-person',
      'holdCode',
      { code: good.slice(0, -1) + (good.endsWith('a') ? 'b' : 'a') },
      'CODE_INVALID',
    );
    await refused('new-person', 'holdCode', { code: 'not a code' }, 'CODE_INVALID');
    const later = await created(t, anActivity(t, 3 * 60 * MINUTE));
    await refused('new-person', 'holdCode', { code: await codeOf(t, later) }, 'ACTIVITY_NOT_STARTED');
  });
});
