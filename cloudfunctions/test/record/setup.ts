import { Readable } from 'node:stream';
import type { TestCloud } from 'wx-local-cloud/testing';
import type { ActivityDoc, PostClaimDoc, PostDoc, ReportRequest, ServiceRecordDoc } from '../../../types';
import { tallyKeys } from '../../../domain/tallies';
import { readTalliesDirect } from './tallies';
import { aUser, insert } from '../fixtures';
import { ok, seedCounty, startFunctionsCloud, verifiedMember } from '../helpers';

export const MINUTE = 60_000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;

/** 14:00 China time on Wednesday 10 June 2026: the moment every record test starts from. */
export const T0 = Date.UTC(2026, 5, 10, 6, 0);
/** 09:00 China time that day. */
export const MORNING = Date.UTC(2026, 5, 10, 1, 0);

/** A cloud with the county seeded, a second staff member of C01 and the functions' clock at T0. */
export async function startRecordCloud(): Promise<TestCloud> {
  const t = await startFunctionsCloud();
  t.cloud.clock.setTime(T0);
  await seedCounty(t);
  await insert(
    t.db,
    'users',
    aUser({ _id: 'staff2-C01', name: '陈社工', grants: [{ role: 'staff', communityId: 'C01' }] }),
  );
  await insert(
    t.db,
    'users',
    aUser({ _id: 'staff-C02', name: '吴社工', grants: [{ role: 'staff', communityId: 'C02' }] }),
  );
  return t;
}

export function aPostDoc(p: Partial<PostDoc> = {}): PostDoc {
  return {
    _id: 'P01',
    communityId: 'C01',
    kind: '环境维护岗',
    duty: '每周清理小区楼道杂物',
    forWhom: '东街社区居民',
    capacity: 50,
    until: T0 + 60 * DAY,
    status: 'open',
    claimCount: 0,
    createdBy: 'staff-C01',
    createdAt: T0 - 30 * DAY,
    updatedAt: T0 - 30 * DAY,
    ...p,
  };
}

export function aClaim(postId: string, memberId: string, p: Partial<PostClaimDoc> = {}): PostClaimDoc {
  return {
    _id: `${postId}_${memberId}`,
    postId,
    communityId: 'C01',
    memberId,
    unitId: 'U01',
    status: 'active',
    claimedAt: T0 - 20 * DAY,
    ...p,
  };
}

export function anActivity(p: Partial<ActivityDoc> = {}): ActivityDoc {
  return {
    _id: 'A01',
    communityId: 'C01',
    title: '清扫东街',
    place: '东街口',
    startsAt: MORNING,
    endsAt: MORNING + 2 * HOUR,
    geo: null,
    capacity: 30,
    postId: null,
    codeSeconds: 10,
    signUpCount: 0,
    status: 'scheduled',
    createdBy: 'staff-C01',
    createdAt: T0 - 10 * DAY,
    updatedAt: T0 - 10 * DAY,
    ...p,
  };
}

/** An attendance at `activity` still signed in since `signedInAt` (as activity.scan leaves it). */
export function anAttendance(memberId: string, activity: ActivityDoc, signedInAt: number): ServiceRecordDoc {
  return {
    _id: `att-${activity._id}-${memberId}`,
    communityId: activity.communityId,
    memberId,
    unitId: 'U01',
    source: 'activity',
    postId: activity.postId,
    activityId: activity._id,
    orderId: null,
    rating: null,
    description: activity.title,
    startAt: signedInAt,
    endAt: activity.endsAt,
    minutes: 0,
    creditMinutes: 0,
    photos: [],
    attendance: {
      signedInAt,
      signedOutAt: null,
      signOutMissing: false,
      signInLocation: 'unknown',
      signOutLocation: null,
    },
    recordedBy: memberId,
    recordedByName: `党员${memberId.slice(-3)}`,
    byStaff: false,
    correctsId: null,
    status: 'signedIn',
    pendingSince: activity.endsAt,
    createdAt: signedInAt,
    updatedAt: signedInAt,
  };
}

/** A confirmed member of `unitId`, checked in at C01, holding post P01 (which exists once `withPost` has run). */
export async function memberOnPost(t: TestCloud, openid: string, unitId = 'U01'): Promise<void> {
  await verifiedMember(t, openid, unitId);
  await ok(t, openid, 'checkin', 'checkIn', { communityId: 'C01' });
  await insert(t.db, 'postClaims', aClaim('P01', openid, { unitId }));
}

export async function withPost(t: TestCloud): Promise<void> {
  await insert(t.db, 'posts', aPostDoc());
}

/** The first bytes of a real PNG: enough for an image by its bytes. */
export const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from('0000000d49484452000000010000000108060000001f15c489', 'hex'),
]);

let uploads = 0;

/** A file `owner` uploaded from their phone, as the app server stores it; answers its fileID. */
export async function upload(t: TestCloud, owner: string, bytes: Buffer = PNG, contentType = 'image/png') {
  uploads += 1;
  const stored = await t.cloud.storage.save(`photos/${owner}/${uploads}.png`, Readable.from([bytes]), {
    owner,
    contentType,
  });
  return stored.fileID;
}

/** A report of service from `from` for `minutes`, with one photo of the member's own. */
export async function reportOf(
  t: TestCloud,
  openid: string,
  from: number,
  minutes: number,
  p: Partial<ReportRequest> = {},
): Promise<ReportRequest> {
  return {
    postId: 'P01',
    startAt: from,
    endAt: from + minutes * MINUTE,
    description: '清理三单元楼道杂物',
    photos: p.photos ?? [await upload(t, openid)],
    ...p,
  };
}

/** Reports service and answers the new record's id. */
export async function reported(t: TestCloud, openid: string, from: number, minutes: number): Promise<string> {
  return (await ok(t, openid, 'record', 'report', await reportOf(t, openid, from, minutes))).record.id;
}

/** A member's totals (all time, this year) read straight from the tallies. */
export async function memberTotals(t: TestCloud, memberId: string, at = T0) {
  const totals = await readTalliesDirect(t, [tallyKeys.memberAll(memberId), tallyKeys.memberYear(memberId, at)]);
  return { all: totals[0], year: totals[1] };
}

/** A pending self-reported record of `memberId` (for tests that need many, written straight to the database). */
export function aPending(
  id: string,
  memberId: string,
  startAt: number,
  minutes: number,
  p: Partial<ServiceRecordDoc> = {},
): ServiceRecordDoc {
  return {
    _id: id,
    communityId: 'C01',
    memberId,
    unitId: 'U01',
    source: 'selfReported',
    postId: 'P01',
    activityId: null,
    orderId: null,
    rating: null,
    description: '清理三单元楼道杂物',
    startAt,
    endAt: startAt + minutes * MINUTE,
    minutes,
    creditMinutes: minutes,
    photos: ['cloud://test.photo/a.png'],
    attendance: null,
    recordedBy: memberId,
    recordedByName: `党员${memberId.slice(-3)}`,
    byStaff: false,
    correctsId: null,
    status: 'pending',
    pendingSince: startAt + minutes * MINUTE,
    createdAt: startAt + minutes * MINUTE,
    updatedAt: startAt + minutes * MINUTE,
    ...p,
  };
}

/** How many ledger entries a community's chain holds, and its head's place. */
export async function ledgerOf(t: TestCloud, communityId = 'C01') {
  const { total } = await t.db.collection('ledgerEntries').where({ communityId }).count();
  const { data } = await t.db
    .collection('ledgerHeads')
    .doc(communityId)
    .get()
    .catch(() => ({ data: null }));
  return { entries: total as number, headSeq: (data?.seq as number | undefined) ?? 0 };
}
