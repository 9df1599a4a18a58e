import type { TestCloud } from 'wx-local-cloud/testing';
import type { ActivityInput, ActivityView } from '../../../types';
import { codeStep, makeCode } from '../../../domain/sign-in-code';
import { aUser, insert } from '../fixtures';
import { ok, seedCounty, storedDoc, verifiedMember } from '../helpers';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

/** The county, plus staff of the second community (李社工 runs C01). */
export async function seedActivities(t: TestCloud): Promise<void> {
  await seedCounty(t);
  await insert(
    t.db,
    'users',
    aUser({ _id: 'staff-C02', name: '陈社工', grants: [{ role: 'staff', communityId: 'C02' }] }),
  );
}

/** A confirmed member checked in at `communityId`. */
export async function checkedInMember(t: TestCloud, openid: string, communityId = 'C01'): Promise<void> {
  await verifiedMember(t, openid);
  await ok(t, openid, 'checkin', 'checkIn', { communityId });
}

/** The time the functions see now. */
export const cloudNow = (t: TestCloud) => t.cloud.clock.now();

/** An hour-long activity starting `startsIn` from the functions' now. */
export function anActivity(t: TestCloud, startsIn = 10 * MINUTE, p: Partial<ActivityInput> = {}): ActivityInput {
  const startsAt = cloudNow(t) + startsIn;
  return {
    title: '清理楼道杂物',
    place: '东街1号院',
    startsAt,
    endsAt: startsAt + HOUR,
    geo: null,
    capacity: 20,
    postId: null,
    ...p,
  };
}

/** Staff of `communityId` create an activity. */
export async function created(t: TestCloud, input: ActivityInput, staff = 'staff-C01'): Promise<ActivityView> {
  return (await ok(t, staff, 'activity', 'save', input)).activity;
}

export async function secretOf(t: TestCloud, activityId: string): Promise<string> {
  return (await storedDoc(t, 'activitySecrets', activityId)).secret;
}

/** The code the staff phone shows at `at` (now by default), `stepsBack` steps earlier. */
export async function codeOf(t: TestCloud, activity: ActivityView, stepsBack = 0, at = cloudNow(t)): Promise<string> {
  const step = codeStep(at, activity.codeSeconds) - stepsBack;
  return makeCode(activity.id, step, await secretOf(t, activity.id));
}
