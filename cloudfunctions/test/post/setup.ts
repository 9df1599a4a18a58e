import type { TestCloud } from 'wx-local-cloud/testing';
import type { PostInput } from '../../../types';
import { ok, verifiedMember } from '../helpers';

const DAY = 86_400_000;

/** A post as staff fill it in, its last day a week from now. */
export function postInput(p: Partial<PostInput> = {}): PostInput {
  return {
    kind: '环境维护岗',
    duty: '每周六上午清理楼道杂物',
    forWhom: '东街社区独居老人',
    capacity: 5,
    until: Date.now() + 7 * DAY,
    ...p,
  };
}

/** A confirmed member of `unitId` checked in at `communityId`. */
export async function checkedInMember(t: TestCloud, openid: string, communityId = 'C01', unitId = 'U01') {
  await verifiedMember(t, openid, unitId);
  await ok(t, openid, 'checkin', 'checkIn', { communityId });
}

/** A post published by C01's staff; answers its id. */
export async function publish(t: TestCloud, p: Partial<PostInput> = {}): Promise<string> {
  return (await ok(t, 'staff-C01', 'post', 'save', postInput(p))).post.id;
}

export { DAY };
