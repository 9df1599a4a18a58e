import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import type { TestCloud } from 'wx-local-cloud/testing';
import type { ServiceRecordDoc } from '../../../types';
import { aUser, insert } from '../fixtures';
import { ok, seedCounty, startFunctionsCloud, verifiedMember } from '../helpers';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** The county of seedCounty, and staff for C02 too. */
export async function startLedgerCloud(): Promise<TestCloud> {
  const t = await startFunctionsCloud();
  await seedCounty(t);
  await insert(
    t.db,
    'users',
    aUser({ _id: 'staff-C02', name: '陈社工', grants: [{ role: 'staff', communityId: 'C02' }] }),
  );
  return t;
}

/** A confirmed member of `unitId` checked in at `communityId`. */
export async function checkedInMember(t: TestCloud, openid: string, communityId: string, unitId = 'U01') {
  await verifiedMember(t, openid, unitId);
  await ok(t, openid, 'checkin', 'checkIn', { communityId });
}

/** A post published by the community's staff (open for a year from the cloud's now); answers its id. */
export async function publishPost(t: TestCloud, communityId: string): Promise<string> {
  const { post } = await ok(t, `staff-${communityId}`, 'post', 'save', {
    kind: '环境维护岗',
    duty: '每周六上午清理楼道杂物',
    forWhom: '独居老人',
    capacity: 10,
    until: t.cloud.clock.now() + 365 * DAY,
  });
  return post.id;
}

const PNG_HEAD = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);

/** A photo `openid` uploaded from their phone (stored with them as its owner); answers its fileID. */
export async function uploadPhoto(t: TestCloud, openid: string): Promise<string> {
  const path = `uploads/${openid}/${randomBytes(6).toString('hex')}.png`;
  const stored = await t.cloud.storage.save(path, Readable.from([PNG_HEAD]), {
    owner: openid,
    contentType: 'image/png',
  });
  return stored.fileID;
}

/** Reports an hour of service on `postId`, `daysAgo` days back from the cloud's now; answers the record's id. */
export async function reportHour(t: TestCloud, openid: string, postId: string, startAt: number, minutes = 60) {
  const { record } = await ok(t, openid, 'record', 'report', {
    postId,
    startAt,
    endAt: startAt + minutes * MINUTE,
    description: '清理楼道杂物',
    photos: [await uploadPhoto(t, openid)],
  });
  return record.id;
}

/** Every record of a community as stored (straight from the database). */
export async function storedRecords(t: TestCloud, where: Record<string, unknown> = {}): Promise<ServiceRecordDoc[]> {
  const all: ServiceRecordDoc[] = [];
  for (;;) {
    const { data } = await t.db
      .collection('serviceRecords')
      .where(where)
      .orderBy('_id', 'asc')
      .skip(all.length)
      .limit(1000)
      .get();
    all.push(...data);
    if (data.length < 1000) return all;
  }
}
