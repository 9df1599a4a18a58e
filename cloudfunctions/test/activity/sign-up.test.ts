import type { TestCloud } from 'wx-local-cloud/testing';
import type { ErrorCode } from '../../../types';
import { call, ok, snapshot, startFunctionsCloud, storedDoc, verifiedMember } from '../helpers';
import { HOUR, MINUTE, anActivity, checkedInMember, created, seedActivities } from './setup';

let t: TestCloud;
beforeAll(async () => {
  t = await startFunctionsCloud();
  await seedActivities(t);
  await checkedInMember(t, 'm-join');
});
afterAll(() => t.close());

async function refused(openid: string, data: unknown, code: ErrorCode): Promise<void> {
  const before = await snapshot(t);
  expect(await call(t, openid, 'activity', 'signUp', data)).toMatchObject({ ok: false, code });
  expect(await snapshot(t)).toBe(before);
}

describe('activity.signUp', () => {
  test('a member signs up once and takes it back', async () => {
    const activity = await created(t, anActivity(t, HOUR));
    const joined = await ok(t, 'm-join', 'activity', 'signUp', { activityId: activity.id });
    expect(joined.activity).toMatchObject({ signUpCount: 1, me: { signedUp: true, attendance: 'none' } });
    expect(await storedDoc(t, 'activitySignUps', `${activity.id}_m-join`)).toMatchObject({
      activityId: activity.id,
      communityId: 'C01',
      memberId: 'm-join',
    });
    const again = await ok(t, 'm-join', 'activity', 'signUp', { activityId: activity.id });
    expect(again.activity.signUpCount).toBe(1);
    const left = await ok(t, 'm-join', 'activity', 'signUp', { activityId: activity.id, cancel: true });
    expect(left.activity).toMatchObject({ signUpCount: 0, me: { signedUp: false } });
    expect(await storedDoc(t, 'activitySignUps', `${activity.id}_m-join`)).toBeNull();
    const leftAgain = await ok(t, 'm-join', 'activity', 'signUp', { activityId: activity.id, cancel: true });
    expect(leftAgain.activity.signUpCount).toBe(0);
  });

  test('thirty members signing up at once for five places: five sign-ups, the count exact', async () => {
    const activity = await created(t, anActivity(t, HOUR, { capacity: 5 }));
    const ids = Array.from({ length: 30 }, (_, i) => `m-crowd-${i}`);
    for (const id of ids) await checkedInMember(t, id);
    const results = await Promise.all(ids.map((id) => call(t, id, 'activity', 'signUp', { activityId: activity.id })));
    expect(results.filter((r) => r.ok)).toHaveLength(5);
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.code)).toEqual(Array(25).fill('ACTIVITY_FULL'));
    const { data } = await t.db.collection('activitySignUps').where({ activityId: activity.id }).get();
    expect(data).toHaveLength(5);
    expect((await storedDoc(t, 'activities', activity.id)).signUpCount).toBe(5);
  });

  test('full, elsewhere, not checked in, cancelled, ended or unknown: nothing changes', async () => {
    const activity = await created(t, anActivity(t, HOUR, { capacity: 1 }));
    await checkedInMember(t, 'm-first');
    await ok(t, 'm-first', 'activity', 'signUp', { activityId: activity.id });
    await refused('m-join', { activityId: activity.id }, 'ACTIVITY_FULL');
    await checkedInMember(t, 'm-west', 'C02');
    await refused('m-west', { activityId: activity.id }, 'NOT_CHECKED_IN_HERE');
    await verifiedMember(t, 'm-nowhere');
    await refused('m-nowhere', { activityId: activity.id }, 'NOT_CHECKED_IN_HERE');
    await refused('m-join', { activityId: 'no-such' }, 'ACTIVITY_NOT_FOUND');
    await refused('staff-C01', { activityId: activity.id }, 'NOT_REGISTERED');

    const cancelled = await created(t, anActivity(t, HOUR));
    await t.db
      .collection('activities')
      .doc(cancelled.id)
      .update({ data: { status: 'cancelled' } });
    await refused('m-join', { activityId: cancelled.id }, 'ACTIVITY_CANCELLED');

    t.cloud.clock.advance(2 * HOUR + MINUTE);
    await refused('m-first', { activityId: activity.id, cancel: true }, 'ACTIVITY_OVER');
    await refused('m-join', { activityId: activity.id }, 'ACTIVITY_OVER');
  });
});
