import type { ActivityDoc, LocationCheck, MemberDoc, ScanResult, ServiceRecordDoc, ServiceRules } from '../../types';
import { attendanceMinutes, attendanceRecordId } from '../../domain/attendance';
import { locationCheck } from '../../domain/geo';
import { ACTIVITY_INPUTS } from '../../domain/schemas/activity';
import { currentTime } from '../_shared/clock';
import { docs } from '../_shared/data';
import { AppError } from '../_shared/errors';
import { defineAction } from '../_shared/handler';
import { newRecord } from '../_shared/records';
import { serviceRules } from '../_shared/rules';
import { inTransaction } from '../_shared/transaction';
import { checkHold, checkStep, verifiedCode } from './codes';
import { activityView, attendanceState, signUpId } from './views';

type Outcome = ScanResult['outcome'];

/** What a scan at `at` does to an existing attendance: nothing (a repeat), or a sign-out (null). */
function repeatOf(record: ServiceRecordDoc, at: number, rules: ServiceRules): Outcome | null {
  if (record.status !== 'signedIn') return 'alreadySignedOut';
  return at - record.startAt < rules.signOutAfterSeconds * 1000 ? 'alreadySignedIn' : null;
}

/** The member's one attendance at the activity, signed in at `at`. */
function newAttendance(
  activity: ActivityDoc,
  member: MemberDoc,
  at: number,
  location: LocationCheck,
  now: number,
): ServiceRecordDoc {
  return newRecord(
    {
      _id: attendanceRecordId(activity._id, member._id),
      communityId: activity.communityId,
      memberId: member._id,
      unitId: member.unitId,
      source: 'activity',
      postId: activity.postId,
      activityId: activity._id,
      description: activity.title,
      startAt: at,
      endAt: activity.endsAt,
      minutes: 0,
      photos: [],
      attendance: {
        signedInAt: at,
        signedOutAt: null,
        signOutMissing: false,
        signInLocation: location,
        signOutLocation: null,
      },
      recordedBy: member._id,
      recordedByName: member.name,
      byStaff: false,
      status: 'signedIn',
      // Still at the activity: it waits for staff from the activity's end, unless the member signs out first.
      pendingSince: activity.endsAt,
    },
    now,
  );
}

/** The record signed out at `at`: hours between, clipped to the activity's window; now waiting for staff. */
function signedOut(record: ServiceRecordDoc, activity: ActivityDoc, at: number, location: LocationCheck) {
  const signedInAt = record.attendance?.signedInAt ?? record.startAt;
  const minutes = attendanceMinutes(activity, signedInAt, at);
  return {
    status: 'pending' as const,
    endAt: Math.max(record.startAt, Math.min(at, activity.endsAt)),
    pendingSince: Math.min(at, activity.endsAt),
    minutes,
    creditMinutes: minutes,
    attendance: {
      signedInAt,
      signedOutAt: at,
      signOutMissing: false,
      signInLocation: record.attendance?.signInLocation ?? 'unknown',
      signOutLocation: location,
    },
  };
}

/** The code (or the held code) as an activity, its step checked at the moment the scan counts for. */
async function scannedActivity(
  code: string | undefined,
  holdId: string | undefined,
  openid: string,
  rulesNow: Promise<ServiceRules>,
): Promise<{ activity: ActivityDoc; at: number; rules: ServiceRules }> {
  const now = currentTime();
  if (code !== undefined) {
    const { activity } = await verifiedCode(code, now, rulesNow);
    return { activity, at: now, rules: await rulesNow };
  }
  const hold = checkHold(await docs('codeHolds').get(holdId ?? ''), openid, now);
  const [activity, rules] = await Promise.all([docs('activities').get(hold.activityId), rulesNow]);
  if (!activity) throw new AppError('CODE_INVALID');
  checkStep(activity, hold.step, hold.heldAt, rules);
  return { activity, at: hold.heldAt, rules };
}

function resultOf(
  outcome: Outcome,
  activity: ActivityDoc,
  record: ServiceRecordDoc,
  at: number,
  view: { postKind: ScanResultPostKind; signedUp: boolean },
): ScanResult {
  const evidence = record.attendance;
  const signedInAt = evidence?.signedInAt ?? record.startAt;
  const signedOutAt = evidence?.signedOutAt ?? null;
  return {
    outcome,
    activity: activityView(activity, view.postKind, { signedUp: view.signedUp, attendance: attendanceState(record) }),
    signedInAt,
    signedOutAt,
    minutes: record.status === 'signedIn' ? attendanceMinutes(activity, signedInAt, at) : record.minutes,
    location: (signedOutAt !== null ? evidence?.signOutLocation : evidence?.signInLocation) ?? 'unknown',
  };
}

type ScanResultPostKind = Parameters<typeof activityView>[1];

/**
 * A member checked in at the activity's community scans its rotating code: the first scan signs in, a later one
 * (after `signOutAfterSeconds`) signs out. One attendance per member and activity, whatever arrives at once.
 */
export const scan = defineAction<'activity', 'scan'>({
  access: 'member',
  input: ACTIVITY_INPUTS.scan,
  async run({ code, holdId, location }, { openid, member }) {
    // The rules are read alongside the code's activity; a refusal before they are awaited must not leave them unhandled.
    const rulesNow = serviceRules();
    rulesNow.catch(() => undefined);
    const { activity, at, rules } = await scannedActivity(code, holdId, openid, rulesNow);
    if (member.communityId !== activity.communityId || member.checkedInAt === undefined) {
      throw new AppError('NOT_CHECKED_IN_HERE');
    }
    const recordId = attendanceRecordId(activity._id, openid);
    const check = locationCheck(activity.geo, location ?? null);
    const [seen, post, signUp] = await Promise.all([
      docs('serviceRecords').get(recordId),
      activity.postId ? docs('posts').get(activity.postId) : Promise.resolve(null),
      docs('activitySignUps').get(signUpId(activity._id, openid)),
    ]);
    const view = { postKind: post?.kind ?? null, signedUp: signUp !== null };
    // A repeat is answered from a plain read (a held code still goes through the transaction, to be redeemed).
    const repeat = seen && holdId === undefined ? repeatOf(seen, at, rules) : null;
    if (seen && repeat) return resultOf(repeat, activity, seen, at, view);

    const { outcome, record } = await inTransaction(async (transaction) => {
      const records = docs('serviceRecords', transaction);
      const now = currentTime();
      const hold =
        holdId !== undefined ? checkHold(await docs('codeHolds', transaction).get(holdId), openid, now) : null;
      const found = await records.get(recordId);
      let result: { outcome: Outcome; record: ServiceRecordDoc };
      if (!found) {
        if (at >= activity.endsAt) throw new AppError('ACTIVITY_OVER');
        const created = newAttendance(activity, member, at, check, now);
        await records.add(created);
        result = { outcome: 'signedIn', record: created };
      } else {
        const again = repeatOf(found, at, rules);
        if (again) {
          result = { outcome: again, record: found };
        } else {
          const change = { ...signedOut(found, activity, at, check), updatedAt: now };
          await records.update(recordId, change);
          result = { outcome: 'signedOut', record: { ...found, ...change } };
        }
      }
      if (hold && hold.redeemedBy === undefined) {
        await docs('codeHolds', transaction).update(hold._id, { redeemedBy: openid, redeemedAt: now });
      }
      return result;
    });
    return resultOf(outcome, activity, record, at, view);
  },
});
