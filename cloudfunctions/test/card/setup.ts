import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import type { TestCloud } from 'wx-local-cloud/testing';
import type { ServiceRecordDoc } from '../../../types';
import { insert } from '../fixtures';
import { ok, verifiedMember } from '../helpers';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** A moment given in China time (UTC+8): `china(2026, 12, 15, 10)` is 15 December 2026, 10:00. */
export function china(year: number, month: number, day: number, hour = 0, minute = 0): number {
  return Date.UTC(year, month - 1, day, hour - 8, minute);
}

/** A confirmed member of `unitId` checked in at `communityId`. */
export async function memberAt(t: TestCloud, openid: string, communityId = 'C01', unitId = 'U01'): Promise<void> {
  await verifiedMember(t, openid, unitId);
  await ok(t, openid, 'checkin', 'checkIn', { communityId });
}

/** A post published by the community's staff, open for a year from the cloud's now, claimed by `claimants`. */
export async function postClaimedBy(t: TestCloud, communityId: string, ...claimants: string[]): Promise<string> {
  const { post } = await ok(t, `staff-${communityId}`, 'post', 'save', {
    kind: '环境维护岗',
    duty: '每周六上午清理楼道杂物',
    forWhom: '独居老人',
    capacity: 10,
    until: t.cloud.clock.now() + 365 * DAY,
  });
  for (const openid of claimants) await ok(t, openid, 'post', 'claim', { postId: post.id });
  return post.id;
}

const PNG_HEAD = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);

/** Reports `minutes` of service on `postId` from `startAt` with one photo, as the member; answers the record's id. */
export async function report(t: TestCloud, openid: string, postId: string, startAt: number, minutes = 60) {
  const path = `uploads/${openid}/${randomBytes(6).toString('hex')}.png`;
  const photo = await t.cloud.storage.save(path, Readable.from([PNG_HEAD]), {
    owner: openid,
    contentType: 'image/png',
  });
  const { record } = await ok(t, openid, 'record', 'report', {
    postId,
    startAt,
    endAt: startAt + minutes * MINUTE,
    description: '清理楼道杂物',
    photos: [photo.fileID],
  });
  return record.id;
}

/** Reports and has the community's staff stamp it: the real path that adds to the tallies. */
export async function stamped(t: TestCloud, openid: string, postId: string, startAt: number, minutes = 60) {
  const id = await report(t, openid, postId, startAt, minutes);
  await ok(t, 'staff-C01', 'record', 'confirm', { recordIds: [id] });
  return id;
}

/** A confirmed record written straight into the database (no tallies, no ledger): for what reads records only. */
export function aConfirmedRecord(p: Partial<ServiceRecordDoc> & { _id: string; memberId: string }): ServiceRecordDoc {
  const startAt = p.startAt ?? Date.now() - DAY;
  return {
    communityId: 'C01',
    unitId: 'U01',
    source: 'selfReported',
    postId: null,
    activityId: null,
    orderId: null,
    rating: null,
    description: '楼道清扫',
    startAt,
    endAt: startAt + HOUR,
    minutes: 60,
    creditMinutes: 60,
    photos: [],
    attendance: null,
    recordedBy: p.memberId,
    recordedByName: '党员',
    byStaff: false,
    correctsId: null,
    status: 'confirmed',
    pendingSince: startAt,
    createdAt: startAt,
    updatedAt: startAt,
    decidedBy: 'staff-C01',
    decidedByName: '李社工',
    decidedAt: startAt + HOUR,
    ...p,
  };
}

export async function insertRecords(t: TestCloud, ...records: ServiceRecordDoc[]): Promise<void> {
  await insert(t.db, 'serviceRecords', ...records);
}
