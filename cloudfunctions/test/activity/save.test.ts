import type { TestCloud } from 'wx-local-cloud/testing';
import type { ErrorCode } from '../../../types';
import { aPost, insert } from '../fixtures';
import { call, ok, snapshot, startFunctionsCloud, storedDoc } from '../helpers';
import { HOUR, MINUTE, anActivity, checkedInMember, cloudNow, created, seedActivities } from './setup';

let t: TestCloud;
beforeAll(async () => {
  t = await startFunctionsCloud();
  await seedActivities(t);
  await checkedInMember(t, 'm-list');
  await insert(
    t.db,
    'posts',
    aPost({ _id: 'post-C01', communityId: 'C01' }),
    aPost({ _id: 'post-C02', communityId: 'C02' }),
    aPost({ _id: 'post-closed', communityId: 'C01', status: 'closed' }),
  );
});
afterAll(() => t.close());

async function refused(openid: string, action: string, data: unknown, code: ErrorCode): Promise<void> {
  const before = await snapshot(t);
  const result = await call(t, openid, 'activity', action as 'save', data);
  expect(result).toMatchObject({ ok: false, code });
  expect(await snapshot(t)).toBe(before);
}

describe('activity.save', () => {
  test('staff create an activity with its secret kept apart, and edit it', async () => {
    const input = anActivity(t, HOUR, { postId: 'post-C01', geo: { latitude: 30, longitude: 120, radiusMeters: 100 } });
    const { activity } = await ok(t, 'staff-C01', 'activity', 'save', input);
    expect(activity).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{20}$/),
      communityId: 'C01',
      title: input.title,
      place: input.place,
      startsAt: input.startsAt,
      endsAt: input.endsAt,
      capacity: 20,
      signUpCount: 0,
      hasGeo: true,
      post: { id: 'post-C01', kind: '环境维护岗' },
      status: 'scheduled',
      codeSeconds: 10,
      me: { signedUp: false, attendance: 'none' },
    });
    const secret = (await storedDoc(t, 'activitySecrets', activity.id)).secret;
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(activity)).not.toContain(secret);

    const edited = await ok(t, 'staff-C01', 'activity', 'save', {
      ...input,
      activityId: activity.id,
      title: '清扫小区落叶',
      codeSeconds: 20,
    });
    expect(edited.activity).toMatchObject({ id: activity.id, title: '清扫小区落叶', codeSeconds: 20 });
    expect(await storedDoc(t, 'activities', activity.id)).toMatchObject({ title: '清扫小区落叶', codeSeconds: 20 });
  });

  test('a county setting gives the default code period', async () => {
    await t.db.collection('settings').add({ data: { _id: 'serviceRules', codeSeconds: 15 } });
    const activity = await created(t, anActivity(t));
    await t.db.collection('settings').doc('serviceRules').remove();
    expect(activity.codeSeconds).toBe(15);
  });

  test('a wrong window, fence, capacity, post or code period changes nothing', async () => {
    const start = cloudNow(t) + HOUR;
    const base = anActivity(t, HOUR);
    await refused('staff-C01', 'save', { ...base, endsAt: start }, 'INVALID_INPUT');
    await refused('staff-C01', 'save', { ...base, endsAt: start + 25 * HOUR }, 'INVALID_INPUT');
    await refused(
      'staff-C01',
      'save',
      { ...base, startsAt: start - 3 * HOUR, endsAt: start - 2 * HOUR },
      'INVALID_INPUT',
    );
    await refused(
      'staff-C01',
      'save',
      { ...base, geo: { latitude: 30, longitude: 120, radiusMeters: 30 } },
      'INVALID_INPUT',
    );
    await refused('staff-C01', 'save', { ...base, capacity: 0 }, 'INVALID_INPUT');
    await refused('staff-C01', 'save', { ...base, capacity: 501 }, 'INVALID_INPUT');
    await refused('staff-C01', 'save', { ...base, codeSeconds: 4 }, 'INVALID_INPUT');
    await refused('staff-C01', 'save', { ...base, title: '扫' }, 'INVALID_INPUT');
    await refused('staff-C01', 'save', { ...base, postId: 'post-C02' }, 'POST_NOT_FOUND');
    await refused('staff-C01', 'save', { ...base, postId: 'no-post' }, 'POST_NOT_FOUND');
    await refused('staff-C01', 'save', { ...base, postId: 'post-closed' }, 'POST_CLOSED');
    await refused('m-list', 'save', base, 'FORBIDDEN');
  });

  test("another community's staff, an ended activity and a capacity below the sign-ups change nothing", async () => {
    const input = anActivity(t, 0, { capacity: 2 });
    const activity = await created(t, input);
    await refused('staff-C02', 'save', { ...input, activityId: activity.id }, 'FORBIDDEN');
    await refused('staff-C01', 'save', { ...input, activityId: 'no-such' }, 'ACTIVITY_NOT_FOUND');
    await ok(t, 'm-list', 'activity', 'signUp', { activityId: activity.id });
    await checkedInMember(t, 'm-list2');
    await ok(t, 'm-list2', 'activity', 'signUp', { activityId: activity.id });
    await refused('staff-C01', 'save', { ...input, activityId: activity.id, capacity: 1 }, 'CAPACITY_BELOW_CLAIMS');
    t.cloud.clock.advance(HOUR + MINUTE);
    await refused(
      'staff-C01',
      'save',
      { ...input, activityId: activity.id, endsAt: cloudNow(t) + HOUR },
      'ACTIVITY_OVER',
    );
  });
});

describe('activity.list and activity.get', () => {
  test("a member sees their community's upcoming activities soonest first, then past ones newest first", async () => {
    const later = await created(t, anActivity(t, 5 * HOUR, { title: '晚间巡逻' }));
    const sooner = await created(t, anActivity(t, 2 * HOUR, { title: '早间巡逻' }));
    const there = await created(t, anActivity(t, HOUR, { title: '西街义诊' }), 'staff-C02');
    const upcoming = await ok(t, 'm-list', 'activity', 'list');
    expect(upcoming.community?.id).toBe('C01');
    expect(upcoming.canManage).toBe(false);
    const ids = upcoming.activities.map((a) => a.id);
    expect(ids.indexOf(sooner.id)).toBeLessThan(ids.indexOf(later.id));
    expect(ids).not.toContain(there.id);

    const staff = await ok(t, 'staff-C01', 'activity', 'list', { when: 'upcoming' });
    expect(staff.canManage).toBe(true);
    expect(staff.activities.map((a) => a.id)).toEqual(ids);
    const asked = await ok(t, 'm-list', 'activity', 'list', { communityId: 'C02' });
    expect(asked).toMatchObject({ community: { id: 'C02' }, canManage: false });
    expect(asked.activities.map((a) => a.id)).toContain(there.id);

    t.cloud.clock.advance(7 * HOUR);
    const past = await ok(t, 'm-list', 'activity', 'list', { when: 'past' });
    const pastIds = past.activities.map((a) => a.id);
    expect(pastIds.indexOf(later.id)).toBeLessThan(pastIds.indexOf(sooner.id));
    expect((await ok(t, 'm-list', 'activity', 'list')).activities.map((a) => a.id)).not.toContain(later.id);
    expect(JSON.stringify(past)).not.toMatch(/secret/);
  });

  test('anyone signed in gets one activity; someone with no community gets an empty list', async () => {
    const activity = await created(t, anActivity(t));
    const got = await ok(t, 'resident-x', 'activity', 'get', { activityId: activity.id });
    expect(got).toEqual({
      activity: { ...activity, me: { signedUp: false, attendance: 'none' } },
      community: { id: 'C01', name: '东街社区', street: '城关镇' },
      canManage: false,
    });
    expect((await ok(t, 'staff-C01', 'activity', 'get', { activityId: activity.id })).canManage).toBe(true);
    expect(await ok(t, 'resident-x', 'activity', 'list')).toEqual({
      community: null,
      activities: [],
      canManage: false,
    });
    expect(await call(t, 'resident-x', 'activity', 'get', { activityId: 'nothing' })).toMatchObject({
      ok: false,
      code: 'ACTIVITY_NOT_FOUND',
    });
    expect(await call(t, 'resident-x', 'activity', 'list', { communityId: 'C09' })).toMatchObject({
      ok: false,
      code: 'COMMUNITY_NOT_FOUND',
    });
  });
});
