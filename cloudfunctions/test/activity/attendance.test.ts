import type { TestCloud } from 'wx-local-cloud/testing';
import type { ErrorCode } from '../../../types';
import { attendanceRecordId } from '../../../domain/attendance';
import { auditOf, call, ok, snapshot, startFunctionsCloud, storedDoc, verifiedMember } from '../helpers';
import { HOUR, MINUTE, anActivity, checkedInMember, cloudNow, codeOf, created, seedActivities } from './setup';

let t: TestCloud;
beforeAll(async () => {
  t = await startFunctionsCloud();
  await seedActivities(t);
  await checkedInMember(t, 'm-walker');
  await checkedInMember(t, 'm-scanner');
});
afterAll(() => t.close());

async function refused(openid: string, data: unknown, code: ErrorCode): Promise<void> {
  const before = await snapshot(t);
  expect(await call(t, openid, 'activity', 'recordAttendance', data)).toMatchObject({ ok: false, code });
  expect(await snapshot(t)).toBe(before);
}

describe('activity.recordAttendance and activity.attendance', () => {
  test('staff record a member without a phone: pending, clipped to the window, saying who made it; logged', async () => {
    const activity = await created(t, anActivity(t, 0));
    await ok(t, 'm-scanner', 'activity', 'scan', { code: await codeOf(t, activity) });
    t.cloud.clock.advance(2 * HOUR);
    const signedInAt = activity.startsAt - 20 * MINUTE;
    const signedOutAt = activity.startsAt + 45 * MINUTE;
    const { row } = await ok(t, 'staff-C01', 'activity', 'recordAttendance', {
      activityId: activity.id,
      memberId: 'm-walker',
      signedInAt,
      signedOutAt,
    });
    const id = attendanceRecordId(activity.id, 'm-walker');
    expect(row).toEqual({
      recordId: id,
      memberName: '党员ker',
      unitName: '县财政局',
      signedInAt,
      signedOutAt,
      signOutMissing: false,
      location: 'unknown',
      byStaffName: '李社工',
    });
    expect(await storedDoc(t, 'serviceRecords', id)).toMatchObject({
      status: 'pending',
      source: 'activity',
      startAt: activity.startsAt,
      endAt: signedOutAt,
      minutes: 45,
      creditMinutes: 45,
      recordedBy: 'staff-C01',
      recordedByName: '李社工',
      byStaff: true,
    });
    expect(await auditOf(t, id)).toEqual([
      expect.objectContaining({ action: 'record.staffAttendance', actorId: 'staff-C01', targetId: id }),
    ]);

    const { rows } = await ok(t, 'staff-C01', 'activity', 'attendance', { activityId: activity.id });
    expect(rows.map((r) => [r.memberName, r.byStaffName, r.signOutMissing])).toEqual([
      ['党员ker', '李社工', false],
      // Never signed out, and the activity is over: flagged for staff.
      ['党员ner', null, true],
    ]);
  });

  test('a second record, a future or empty time, a member elsewhere or oneself, or another community: refused', async () => {
    const activity = await created(t, anActivity(t, -30 * MINUTE));
    const base = {
      activityId: activity.id,
      memberId: 'm-walker',
      signedInAt: activity.startsAt,
      signedOutAt: activity.startsAt + 20 * MINUTE,
    };
    await refused('staff-C01', { ...base, signedOutAt: cloudNow(t) + HOUR }, 'TIME_IN_FUTURE');
    await refused('staff-C01', { ...base, signedOutAt: base.signedInAt }, 'INVALID_INPUT');
    await refused(
      'staff-C01',
      { ...base, signedInAt: activity.startsAt - 2 * HOUR, signedOutAt: activity.startsAt - HOUR },
      'INVALID_INPUT',
    );
    await checkedInMember(t, 'm-west', 'C02');
    await refused('staff-C01', { ...base, memberId: 'm-west' }, 'NOT_CHECKED_IN_HERE');
    await verifiedMember(t, 'm-nowhere');
    await refused('staff-C01', { ...base, memberId: 'm-nowhere' }, 'NOT_CHECKED_IN_HERE');
    await refused('staff-C01', { ...base, memberId: 'nobody' }, 'MEMBER_NOT_FOUND');
    await refused('staff-C01', { ...base, memberId: 'staff-C01' }, 'OWN_RECORD');
    await refused('staff-C02', base, 'FORBIDDEN');
    await refused('m-scanner', base, 'FORBIDDEN');
    await ok(t, 'staff-C01', 'activity', 'recordAttendance', base);
    await refused('staff-C01', base, 'ALREADY_STAMPED');
    // The member's own scan now finds the attendance staff recorded, and changes nothing.
    const before2 = await snapshot(t);
    const scanned = await ok(t, 'm-walker', 'activity', 'scan', { code: await codeOf(t, activity) });
    expect(scanned).toMatchObject({ outcome: 'alreadySignedOut', minutes: 20 });
    expect(await snapshot(t)).toBe(before2);
    const before = await snapshot(t);
    expect(await call(t, 'staff-C02', 'activity', 'attendance', { activityId: activity.id })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    expect(await snapshot(t)).toBe(before);
  });
});
