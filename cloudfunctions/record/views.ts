import type {
  ActivityDoc,
  CommunitySummary,
  MemberDoc,
  OrderDoc,
  PostDoc,
  QueueItem,
  RecordView,
  ServiceRecordDoc,
  UnitDoc,
} from '../../types';
import { attendanceMinutes } from '../../domain/attendance';
import { maskPhone } from '../../domain/privacy';
import { findMany, oneOf } from '../_shared/data';
import { communitiesById } from '../_shared/lookups';
import { removedCommunity } from '../_shared/views';

const HOUR = 3_600_000;

function present(ids: Array<string | null | undefined>): string[] {
  return [...new Set(ids.filter((id): id is string => Boolean(id)))];
}

async function byId<D extends { _id: string }>(load: (ids: string[]) => Promise<D[]>, ids: string[]) {
  if (ids.length === 0) return new Map<string, D>();
  return new Map((await load(ids)).map((doc) => [doc._id, doc]));
}

export function activitiesById(ids: Array<string | null | undefined>): Promise<Map<string, ActivityDoc>> {
  return byId((wanted) => findMany('activities', { _id: oneOf(wanted) }), present(ids));
}

/** What a record's view names besides the record: its community, post, activity and the request it served. */
export interface Lookups {
  communities: Map<string, CommunitySummary>;
  posts: Map<string, PostDoc>;
  activities: Map<string, ActivityDoc>;
  orders: Map<string, OrderDoc>;
}

export async function lookupsFor(records: ServiceRecordDoc[]): Promise<Lookups> {
  const [communities, posts, activities, orders] = await Promise.all([
    communitiesById(records.map((record) => record.communityId)),
    byId((wanted) => findMany('posts', { _id: oneOf(wanted) }), present(records.map((record) => record.postId))),
    activitiesById(records.map((record) => record.activityId)),
    byId((wanted) => findMany('orders', { _id: oneOf(wanted) }), present(records.map((record) => record.orderId))),
  ]);
  return { communities, posts, activities, orders };
}

export function recordView(record: ServiceRecordDoc, lookups: Lookups): RecordView {
  const post = record.postId ? lookups.posts.get(record.postId) : undefined;
  const activity = record.activityId ? lookups.activities.get(record.activityId) : undefined;
  const order = record.orderId ? lookups.orders.get(record.orderId) : undefined;
  return {
    id: record._id,
    source: record.source,
    status: record.status,
    community: lookups.communities.get(record.communityId) ?? removedCommunity(record.communityId),
    post: post ? { id: post._id, kind: post.kind } : null,
    activity: activity ? { id: activity._id, title: activity.title } : null,
    order: order ? { id: order._id, kind: order.kind } : null,
    rating: record.rating,
    description: record.description,
    startAt: record.startAt,
    endAt: record.endAt,
    minutes: record.minutes,
    photos: [...record.photos],
    attendance: record.attendance ? { ...record.attendance } : null,
    recordedByName: record.recordedByName,
    byStaff: record.byStaff,
    correctsId: record.correctsId,
    decidedByName: record.decidedByName ?? null,
    decidedAt: record.decidedAt ?? null,
    rejectReason: record.rejectReason ?? null,
    createdAt: record.createdAt,
  };
}

export async function recordViews(records: ServiceRecordDoc[]): Promise<RecordView[]> {
  const lookups = await lookupsFor(records);
  return records.map((record) => recordView(record, lookups));
}

/** When a record began to wait for staff (`pendingSince`), or null while it is an attendance of an activity still on. */
export function waitingSince(record: ServiceRecordDoc, now: number): number | null {
  return record.pendingSince <= now ? record.pendingSince : null;
}

export function hoursSince(since: number, now: number): number {
  return Math.max(0, Math.floor((now - since) / HOUR));
}

/** A record still signed in past its activity's end, as staff stamp it: closed at the end, the sign-out missing. */
export function closedAtEnd(record: ServiceRecordDoc, activity: ActivityDoc, now: number): ServiceRecordDoc {
  const signedInAt = record.attendance?.signedInAt ?? record.startAt;
  const minutes = attendanceMinutes(activity, signedInAt, null);
  return {
    ...record,
    endAt: activity.endsAt,
    minutes,
    creditMinutes: minutes,
    attendance: {
      signedInAt,
      signedOutAt: null,
      signOutMissing: true,
      signInLocation: record.attendance?.signInLocation ?? 'unknown',
      signOutLocation: null,
    },
    updatedAt: now,
  };
}

/** The people a queue names: members (name, phone) and their units. */
export async function peopleOf(records: ServiceRecordDoc[]) {
  const members = await byId(
    (wanted) => findMany('members', { _id: oneOf(wanted) }),
    present(records.map((record) => record.memberId)),
  );
  const units = await byId(
    (wanted) => findMany('units', { _id: oneOf(wanted) }),
    present(records.map((record) => record.unitId)),
  );
  return { members, units };
}

export function queueItem(
  record: ServiceRecordDoc,
  lookups: Lookups,
  people: { members: Map<string, MemberDoc>; units: Map<string, UnitDoc> },
  context: { openid: string; now: number; highlightAfterHours: number },
): QueueItem {
  const since = waitingSince(record, context.now);
  const member = people.members.get(record.memberId);
  const waitingHours = since === null ? 0 : hoursSince(since, context.now);
  const view = recordView(record, lookups);
  const stillSignedIn = record.status === 'signedIn' && since === null;
  return {
    ...view,
    // An attendance past its end is shown as staff would stamp it: closed at the end, its sign-out missing.
    attendance:
      record.status === 'signedIn' && !stillSignedIn && view.attendance
        ? { ...view.attendance, signedOutAt: null, signOutMissing: true }
        : view.attendance,
    memberName: member && member.status !== 'deleted' ? member.name : '（已注销）',
    unitName: people.units.get(record.unitId)?.name ?? '（单位已撤销）',
    phoneMasked: member && member.status !== 'deleted' ? maskPhone(member.phone) : '',
    waitingHours,
    highlight: since !== null && context.now - since > context.highlightAfterHours * HOUR,
    own: record.memberId === context.openid,
    stillSignedIn,
  };
}
