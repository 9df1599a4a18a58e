import type { TestCloud } from 'wx-local-cloud/testing';
import { ERRORS, type ServiceRecordDoc } from '../../../types';
import { attendanceRecordId } from '../../../domain/attendance';
import { codeStep, makeCode, signInUrl } from '../../../domain/sign-in-code';
import { call, ok, snapshot, startFunctionsCloud, storedDoc } from '../helpers';
import {
  HOUR,
  MINUTE,
  anActivity,
  checkedInMember,
  cloudNow,
  codeOf,
  created,
  secretOf,
  seedActivities,
} from './setup';

let t: TestCloud;
beforeAll(async () => {
  t = await startFunctionsCloud();
  await seedActivities(t);
  await checkedInMember(t, 'm-scan');
  await checkedInMember(t, 'm-far', 'C02');
});
afterAll(() => t.close());

/** A refusal that leaves every document as it was. */
async function refused(openid: string, data: unknown, code: keyof typeof ERRORS): Promise<void> {
  const before = await snapshot(t);
  const result = await call(t, openid, 'activity', 'scan', data);
  expect(result).toMatchObject({ ok: false, code });
  expect(await snapshot(t)).toBe(before);
}

describe('activity.getCodeKey', () => {
  test("gives the activity's staff its key and the server's clock; nobody else", async () => {
    const activity = await created(t, anActivity(t));
    const key = await ok(t, 'staff-C01', 'activity', 'getCodeKey', { activityId: activity.id });
    expect(key).toEqual({
      activityId: activity.id,
      secret: await secretOf(t, activity.id),
      codeSeconds: 10,
      startsAt: activity.startsAt,
      endsAt: activity.endsAt,
      serverNow: expect.any(Number),
    });
    expect(key.secret).toMatch(/^[0-9a-f]{64}$/);
    expect(await call(t, 'staff-C02', 'activity', 'getCodeKey', { activityId: activity.id })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    expect(await call(t, 'm-scan', 'activity', 'getCodeKey', { activityId: activity.id })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
  });

  test('the server clock it gives follows the moved clock', async () => {
    const activity = await created(t, anActivity(t));
    const before = (await ok(t, 'staff-C01', 'activity', 'getCodeKey', { activityId: activity.id })).serverNow;
    t.cloud.clock.advance(3 * HOUR);
    const after = (await ok(t, 'staff-C01', 'activity', 'getCodeKey', { activityId: activity.id })).serverNow;
    expect(after - before).toBeGreaterThanOrEqual(3 * HOUR);
  });
});

describe('activity.scan', () => {
  test('sign in, a repeat, then two hours later sign out with the hours clipped to the window', async () => {
    const activity = await created(t, anActivity(t, 10 * MINUTE, { postId: null }));
    const first = await ok(t, 'm-scan', 'activity', 'scan', { code: await codeOf(t, activity) });
    expect(first).toMatchObject({ outcome: 'signedIn', signedOutAt: null, minutes: 0, location: 'unknown' });
    expect(first.activity.me).toEqual({ signedUp: false, attendance: 'signedIn' });
    const id = attendanceRecordId(activity.id, 'm-scan');
    const record: ServiceRecordDoc = await storedDoc(t, 'serviceRecords', id);
    expect(record).toMatchObject({
      _id: id,
      communityId: 'C01',
      memberId: 'm-scan',
      unitId: 'U01',
      source: 'activity',
      status: 'signedIn',
      postId: null,
      activityId: activity.id,
      description: '清理楼道杂物',
      startAt: first.signedInAt,
      endAt: activity.endsAt,
      minutes: 0,
      creditMinutes: 0,
      photos: [],
      recordedBy: 'm-scan',
      byStaff: false,
      correctsId: null,
      attendance: {
        signedInAt: first.signedInAt,
        signedOutAt: null,
        signOutMissing: false,
        signInLocation: 'unknown',
        signOutLocation: null,
      },
    });

    const before = await snapshot(t);
    const again = await ok(t, 'm-scan', 'activity', 'scan', { code: await codeOf(t, activity) });
    expect(again).toMatchObject({ outcome: 'alreadySignedIn', signedInAt: first.signedInAt });
    expect(await snapshot(t)).toBe(before);

    t.cloud.clock.advance(2 * HOUR);
    const out = await ok(t, 'm-scan', 'activity', 'scan', { code: await codeOf(t, activity) });
    expect(out).toMatchObject({ outcome: 'signedOut', signedInAt: first.signedInAt, minutes: 60 });
    expect(out.activity.me.attendance).toBe('signedOut');
    expect(await storedDoc(t, 'serviceRecords', id)).toMatchObject({
      status: 'pending',
      startAt: first.signedInAt,
      endAt: activity.endsAt,
      minutes: 60,
      creditMinutes: 60,
      attendance: { signedInAt: first.signedInAt, signedOutAt: out.signedOutAt, signOutLocation: 'unknown' },
    });
    const done = await ok(t, 'm-scan', 'activity', 'scan', { code: await codeOf(t, activity, 1) });
    expect(done).toMatchObject({ outcome: 'alreadySignedOut', minutes: 60 });
  });

  test('the full URL the QR carries works as well as the bare code, and so does the previous step', async () => {
    const activity = await created(t, anActivity(t, 0));
    const url = signInUrl('https://example.org/qd', await codeOf(t, activity, 1));
    expect((await ok(t, 'm-scan', 'activity', 'scan', { code: url })).outcome).toBe('signedIn');
    t.cloud.clock.advance(20 * MINUTE);
    const out = await ok(t, 'm-scan', 'activity', 'scan', { code: await codeOf(t, activity) });
    expect(out).toMatchObject({ outcome: 'signedOut', minutes: 20 });
  });

  test('codes two steps old, forged, altered, of another activity or from before the activity are refused', async () => {
    const activity = await created(t, anActivity(t, 0));
    const other = await created(t, anActivity(t, 0));
    const step = codeStep(cloudNow(t), activity.codeSeconds);
    const good = await codeOf(t, activity);
    const flipped = good.slice(0, -1) + (good.endsWith('0') ? '1' : '0');
    await refused('m-scan', { code: await codeOf(t, activity, 2) }, 'CODE_EXPIRED');
    await refused('m-scan', { code: flipped }, 'CODE_INVALID');
    await refused('m-scan', { code: makeCode(activity.id, step, await secretOf(t, other.id)) }, 'CODE_INVALID');
    await refused('m-scan', { code: makeCode('nosuchactivity', step, await secretOf(t, activity.id)) }, 'CODE_INVALID');
    await refused('m-scan', { code: makeCode(activity.id, step + 2, await secretOf(t, activity.id)) }, 'CODE_INVALID');
    await refused('m-scan', { code: 'C01' }, 'CODE_INVALID');
    await refused('m-scan', { code: 'https://example.org/qd?c=garbage' }, 'CODE_INVALID');

    const later = await created(t, anActivity(t, 2 * HOUR));
    await refused('m-scan', { code: await codeOf(t, later) }, 'ACTIVITY_NOT_STARTED');
    // Within half an hour of the start, sign-in is open.
    t.cloud.clock.advance(HOUR + 31 * MINUTE);
    expect((await ok(t, 'm-scan', 'activity', 'scan', { code: await codeOf(t, later) })).outcome).toBe('signedIn');
  });

  test('another community, a cancelled activity, an ended one and a malformed request are refused', async () => {
    const there = await created(t, anActivity(t, 0), 'staff-C02');
    await refused('m-scan', { code: await codeOf(t, there) }, 'NOT_CHECKED_IN_HERE');
    const activity = await created(t, anActivity(t, 0));
    await checkedInMember(t, 'm-late');
    await t.db
      .collection('activities')
      .doc(activity.id)
      .update({ data: { status: 'cancelled' } });
    await refused('m-scan', { code: await codeOf(t, activity) }, 'ACTIVITY_CANCELLED');
    await t.db
      .collection('activities')
      .doc(activity.id)
      .update({ data: { status: 'scheduled' } });
    t.cloud.clock.advance(HOUR + MINUTE);
    await refused('m-late', { code: await codeOf(t, activity) }, 'ACTIVITY_OVER');
    await refused('m-late', {}, 'INVALID_INPUT');
    await refused('m-late', { code: await codeOf(t, activity), holdId: 'abc' }, 'INVALID_INPUT');
    await refused(
      'm-late',
      { code: await codeOf(t, activity), location: { latitude: 91, longitude: 0 } },
      'INVALID_INPUT',
    );
  });

  test('fifty scans of one member at once make exactly one attendance', async () => {
    await checkedInMember(t, 'm-rush');
    const activity = await created(t, anActivity(t, 0));
    const code = await codeOf(t, activity);
    const results = await Promise.all(Array.from({ length: 50 }, () => ok(t, 'm-rush', 'activity', 'scan', { code })));
    const outcomes = results.map((r) => r.outcome);
    expect(outcomes.filter((o) => o === 'signedIn')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'alreadySignedIn')).toHaveLength(49);
    expect(new Set(results.map((r) => r.signedInAt)).size).toBe(1);
    const { data } = await t.db.collection('serviceRecords').where({ activityId: activity.id }).get();
    expect(data).toHaveLength(1);
  });

  test('a location outside the radius is flagged, never refused', async () => {
    await checkedInMember(t, 'm-geo');
    const geo = { latitude: 30.0, longitude: 120.0, radiusMeters: 200 };
    const activity = await created(t, anActivity(t, 0, { geo }));
    expect(activity.hasGeo).toBe(true);
    const away = { latitude: 30.01, longitude: 120.0 }; // about 1.1 km north
    const signIn = await ok(t, 'm-geo', 'activity', 'scan', { code: await codeOf(t, activity), location: away });
    expect(signIn).toMatchObject({ outcome: 'signedIn', location: 'outside' });
    t.cloud.clock.advance(30 * MINUTE);
    const near = { latitude: 30.001, longitude: 120.0 }; // about 110 m
    const signOut = await ok(t, 'm-geo', 'activity', 'scan', { code: await codeOf(t, activity), location: near });
    expect(signOut).toMatchObject({ outcome: 'signedOut', location: 'inside' });
    const { rows } = await ok(t, 'staff-C01', 'activity', 'attendance', { activityId: activity.id });
    expect(rows).toEqual([
      expect.objectContaining({ memberName: '党员geo', unitName: '县财政局', location: 'outside', byStaffName: null }),
    ]);
  });
});
