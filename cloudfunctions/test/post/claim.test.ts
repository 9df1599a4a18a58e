import type { TestCloud } from 'wx-local-cloud/testing';
import { aMember, insert } from '../fixtures';
import { call, ok, seedCounty, snapshot, startFunctionsCloud, storedDoc, verifiedMember } from '../helpers';
import { DAY, checkedInMember, publish } from './setup';

let t: TestCloud;
beforeAll(async () => {
  t = await startFunctionsCloud();
  await seedCounty(t);
  await checkedInMember(t, 'm-east', 'C01');
  await checkedInMember(t, 'm-west', 'C02');
});
afterAll(() => t.close());
afterEach(() => t.cloud.clock.reset());

async function expectRefusedUnchanged(openid: string, action: 'claim' | 'leave', postId: string, code: string) {
  const before = await snapshot(t);
  expect(await call(t, openid, 'post', action, { postId })).toMatchObject({ ok: false, code });
  expect(await snapshot(t)).toBe(before);
}

describe('post.claim and post.leave', () => {
  test('a member checked in here claims, leaves and claims again: one claim document, the count kept', async () => {
    const postId = await publish(t, { capacity: 2 });
    const claimed = await ok(t, 'm-east', 'post', 'claim', { postId });
    expect(claimed.post).toMatchObject({
      claimCount: 1,
      mine: true,
      claimants: [{ name: '党员ast', unitName: '县财政局' }],
    });
    expect(await storedDoc(t, 'postClaims', `${postId}_m-east`)).toMatchObject({
      postId,
      memberId: 'm-east',
      communityId: 'C01',
      unitId: 'U01',
      status: 'active',
    });

    // A second tap changes nothing.
    const before = await snapshot(t);
    expect((await ok(t, 'm-east', 'post', 'claim', { postId })).post.claimCount).toBe(1);
    expect(await snapshot(t)).toBe(before);

    const left = await ok(t, 'm-east', 'post', 'leave', { postId });
    expect(left.post).toMatchObject({ claimCount: 0, mine: false, claimants: [] });
    expect(await storedDoc(t, 'postClaims', `${postId}_m-east`)).toMatchObject({ status: 'left' });
    await expectRefusedUnchanged('m-east', 'leave', postId, 'NOT_CLAIMED');

    const again = await ok(t, 'm-east', 'post', 'claim', { postId });
    expect(again.post).toMatchObject({ claimCount: 1, mine: true });
    const stored = await storedDoc(t, 'postClaims', `${postId}_m-east`);
    expect(stored.status).toBe('active');
    expect(stored.leftAt).toBeUndefined();
    const { data } = await t.db.collection('postClaims').where({ postId }).get();
    expect(data).toHaveLength(1);
  });

  test('a full post is refused, changing nothing', async () => {
    const postId = await publish(t, { capacity: 1 });
    await checkedInMember(t, 'm-full', 'C01');
    await ok(t, 'm-full', 'post', 'claim', { postId });
    await expectRefusedUnchanged('m-east', 'claim', postId, 'POST_FULL');
  });

  test('a member checked in elsewhere, or nowhere, cannot claim', async () => {
    const postId = await publish(t);
    await expectRefusedUnchanged('m-west', 'claim', postId, 'NOT_CHECKED_IN_HERE');
    await verifiedMember(t, 'm-nowhere');
    await expectRefusedUnchanged('m-nowhere', 'claim', postId, 'NOT_CHECKED_IN_HERE');
    await insert(t.db, 'members', aMember({ _id: 'm-pending', status: 'unverified', communityId: 'C01' }));
    await expectRefusedUnchanged('m-pending', 'claim', postId, 'NOT_VERIFIED');
    await expectRefusedUnchanged('staff-C01', 'claim', postId, 'NOT_REGISTERED');
  });

  test('an unknown post is not found', async () => {
    await expectRefusedUnchanged('m-east', 'claim', 'no-such-post', 'POST_NOT_FOUND');
    await expectRefusedUnchanged('m-east', 'leave', 'no-such-post', 'POST_NOT_FOUND');
  });

  test('a closed post cannot be claimed; a claim on it may still be left', async () => {
    const postId = await publish(t);
    await ok(t, 'm-east', 'post', 'claim', { postId });
    await ok(t, 'staff-C01', 'post', 'close', { postId });
    await checkedInMember(t, 'm-late', 'C01');
    await expectRefusedUnchanged('m-late', 'claim', postId, 'POST_CLOSED');
    expect((await ok(t, 'm-east', 'post', 'leave', { postId })).post.claimCount).toBe(0);
  });

  test('a post past its last day cannot be claimed', async () => {
    const postId = await publish(t, { until: Date.now() });
    t.cloud.clock.advance(2 * DAY);
    await expectRefusedUnchanged('m-east', 'claim', postId, 'POST_CLOSED');
  });

  test('thirty members claiming five places at once make exactly five claims', async () => {
    const postId = await publish(t, { capacity: 5 });
    const ids = Array.from({ length: 30 }, (_, i) => `m-rush-${String(i).padStart(2, '0')}`);
    for (const id of ids) await checkedInMember(t, id, 'C01');
    const results = await Promise.all(ids.map((id) => call(t, id, 'post', 'claim', { postId })));
    const succeeded = results.filter((r) => r.ok);
    expect(succeeded).toHaveLength(5);
    expect(new Set(results.filter((r) => !r.ok).map((r) => (r.ok ? '' : r.code)))).toEqual(new Set(['POST_FULL']));
    const { data } = await t.db.collection('postClaims').where({ postId, status: 'active' }).get();
    expect(data).toHaveLength(5);
    expect(await storedDoc(t, 'posts', postId)).toMatchObject({ claimCount: 5, capacity: 5 });
    const listed = await ok(t, 'm-east', 'post', 'list');
    expect(listed.posts.find((p) => p.id === postId)?.claimants).toHaveLength(5);
  });
});
