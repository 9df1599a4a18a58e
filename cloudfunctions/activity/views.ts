import {
  type ActivityDoc,
  type ActivityView,
  type AttendanceState,
  type PostKind,
  type ServiceRecordDoc,
  grantOf,
} from '../../types';
import { attendanceRecordId } from '../../domain/attendance';
import { docs, findMany, oneOf } from '../_shared/data';

/** The id of a member's sign-up for an activity: one per member and activity. */
export function signUpId(activityId: string, memberId: string): string {
  return `${activityId}_${memberId}`;
}

export function attendanceState(record: ServiceRecordDoc | null): AttendanceState {
  if (!record) return 'none';
  return record.status === 'signedIn' ? 'signedIn' : 'signedOut';
}

/** An activity as people see it (never its secret), with where the caller stands with it. */
export function activityView(
  doc: ActivityDoc,
  postKind: PostKind | null,
  me: { signedUp: boolean; attendance: AttendanceState },
): ActivityView {
  return {
    id: doc._id,
    communityId: doc.communityId,
    title: doc.title,
    place: doc.place,
    startsAt: doc.startsAt,
    endsAt: doc.endsAt,
    capacity: doc.capacity,
    signUpCount: doc.signUpCount,
    hasGeo: doc.geo !== null,
    post: doc.postId && postKind ? { id: doc.postId, kind: postKind } : null,
    status: doc.status,
    codeSeconds: doc.codeSeconds,
    me,
  };
}

/** Views of several activities for `openid`: their posts, the caller's sign-ups and attendance, each read in one query. */
export async function activityViews(activities: ActivityDoc[], openid: string): Promise<ActivityView[]> {
  if (activities.length === 0) return [];
  const postIds = [...new Set(activities.map((a) => a.postId).filter((id): id is string => Boolean(id)))];
  const [posts, signUps, records] = await Promise.all([
    postIds.length ? findMany('posts', { _id: oneOf(postIds) }) : Promise.resolve([]),
    findMany('activitySignUps', { _id: oneOf(activities.map((a) => signUpId(a._id, openid))) }),
    findMany('serviceRecords', { _id: oneOf(activities.map((a) => attendanceRecordId(a._id, openid))) }),
  ]);
  const kinds = new Map(posts.map((post) => [post._id, post.kind]));
  const signedUp = new Set(signUps.map((s) => s.activityId));
  const attendance = new Map(records.map((r) => [r.activityId, r]));
  return activities.map((a) =>
    activityView(a, a.postId ? (kinds.get(a.postId) ?? null) : null, {
      signedUp: signedUp.has(a._id),
      attendance: attendanceState(attendance.get(a._id) ?? null),
    }),
  );
}

export async function activityViewFor(activity: ActivityDoc, openid: string): Promise<ActivityView> {
  const [view] = await activityViews([activity], openid);
  return view;
}

/** The community the caller works for as staff, or null. */
export async function staffCommunityOf(openid: string): Promise<string | null> {
  const user = await docs('users').get(openid);
  return user ? (grantOf(user.grants, 'staff')?.communityId ?? null) : null;
}
