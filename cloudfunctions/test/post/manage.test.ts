import type { TestCloud } from 'wx-local-cloud/testing';
import { endOfChinaDay } from '../../../domain/periods';
import { aUser, insert } from '../fixtures';
import { call, ok, seedCounty, snapshot, startFunctionsCloud, storedDoc } from '../helpers';
import { DAY, checkedInMember, postInput, publish } from './setup';

let t: TestCloud;
beforeAll(async () => {
  t = await startFunctionsCloud();
  await seedCounty(t);
  await insert(
    t.db,
    'users',
    aUser({ _id: 'staff-C02', name: '陈社工', grants: [{ role: 'staff', communityId: 'C02' }] }),
  );
  await checkedInMember(t, 'm-east', 'C01');
});
afterAll(() => t.close());
afterEach(() => t.cloud.clock.reset());

async function expectRefusedUnchanged(openid: string, action: 'save' | 'close', data: unknown, code: string) {
  const before = await snapshot(t);
  const result = await call(t, openid, 'post', action, data);
  expect(result).toMatchObject({ ok: false, code });
  expect(await snapshot(t)).toBe(before);
}

describe('post.save', () => {
  test('staff publish a post of their community, kept until the end of that China-time day', async () => {
    const lastDay = Date.now() + 3 * DAY;
    const { post } = await ok(t, 'staff-C01', 'post', 'save', postInput({ until: lastDay }));
    expect(post).toEqual({
      id: post.id,
      kind: '环境维护岗',
      duty: '每周六上午清理楼道杂物',
      forWhom: '东街社区独居老人',
      capacity: 5,
      until: endOfChinaDay(lastDay),
      status: 'open',
      claimCount: 0,
      claimants: [],
      mine: false,
    });
    const stored = await storedDoc(t, 'posts', post.id);
    expect(stored).toMatchObject({ communityId: 'C01', createdBy: 'staff-C01', claimCount: 0, status: 'open' });
  });

  test('a last day of today is accepted; a day already past is refused, changing nothing', async () => {
    const { post } = await ok(t, 'staff-C01', 'post', 'save', postInput({ until: Date.now() }));
    expect(post.until).toBe(endOfChinaDay(Date.now()));
    await expectRefusedUnchanged('staff-C01', 'save', postInput({ until: Date.now() - 2 * DAY }), 'INVALID_INPUT');
  });

  test('staff edit a post; the text is trimmed; an unknown kind or a zero capacity is refused', async () => {
    const postId = await publish(t);
    const { post } = await ok(t, 'staff-C01', 'post', 'save', {
      ...postInput({ kind: '治安巡逻岗', duty: '  晚间巡逻小区  ', capacity: 8 }),
      postId,
    });
    expect(post).toMatchObject({ id: postId, kind: '治安巡逻岗', duty: '晚间巡逻小区', capacity: 8 });
    expect(await storedDoc(t, 'posts', postId)).toMatchObject({ kind: '治安巡逻岗', capacity: 8 });
    await expectRefusedUnchanged(
      'staff-C01',
      'save',
      { ...postInput({ kind: '不存在岗' as never }), postId },
      'INVALID_INPUT',
    );
    await expectRefusedUnchanged('staff-C01', 'save', { ...postInput({ capacity: 0 }), postId }, 'INVALID_INPUT');
    await expectRefusedUnchanged('staff-C01', 'save', { ...postInput({ capacity: 2.5 }), postId }, 'INVALID_INPUT');
  });

  test('capacity cannot go below the claims already made', async () => {
    const postId = await publish(t, { capacity: 3 });
    await ok(t, 'm-east', 'post', 'claim', { postId });
    await checkedInMember(t, 'm-east-2', 'C01');
    await ok(t, 'm-east-2', 'post', 'claim', { postId });
    await expectRefusedUnchanged(
      'staff-C01',
      'save',
      { ...postInput({ capacity: 1 }), postId },
      'CAPACITY_BELOW_CLAIMS',
    );
    const { post } = await ok(t, 'staff-C01', 'post', 'save', { ...postInput({ capacity: 2 }), postId });
    expect(post).toMatchObject({ capacity: 2, claimCount: 2 });
  });

  test("another community's staff may not edit or close it; an unknown post is not found", async () => {
    const postId = await publish(t);
    await expectRefusedUnchanged('staff-C02', 'save', { ...postInput(), postId }, 'FORBIDDEN');
    await expectRefusedUnchanged('staff-C02', 'close', { postId }, 'FORBIDDEN');
    await expectRefusedUnchanged('staff-C01', 'save', { ...postInput(), postId: 'no-such-post' }, 'POST_NOT_FOUND');
    await expectRefusedUnchanged('staff-C01', 'close', { postId: 'no-such-post' }, 'POST_NOT_FOUND');
  });
});

describe('post.close', () => {
  test('closing ends claiming, keeps the claims, and a second close changes nothing', async () => {
    const postId = await publish(t);
    await ok(t, 'm-east', 'post', 'claim', { postId });
    const { post } = await ok(t, 'staff-C01', 'post', 'close', { postId });
    expect(post).toMatchObject({
      status: 'closed',
      claimCount: 1,
      claimants: [{ name: '党员ast', unitName: '县财政局' }],
    });
    expect(await storedDoc(t, 'postClaims', `${postId}_m-east`)).toMatchObject({ status: 'active' });

    const before = await snapshot(t);
    expect((await ok(t, 'staff-C01', 'post', 'close', { postId })).post.status).toBe('closed');
    expect(await snapshot(t)).toBe(before);
    await expectRefusedUnchanged('staff-C01', 'save', { ...postInput(), postId }, 'POST_CLOSED');

    const open = await ok(t, 'm-east', 'post', 'list');
    expect(open.posts.map((p) => p.id)).not.toContain(postId);
    const all = await ok(t, 'm-east', 'post', 'list', { includeClosed: true });
    expect(all.posts.find((p) => p.id === postId)).toMatchObject({ status: 'closed', mine: true });
  });
});

describe('post.list', () => {
  test("without a community: a checked-in member's community, else staff's, else none", async () => {
    const postId = await publish(t);
    const member = await ok(t, 'm-east', 'post', 'list');
    expect(member).toMatchObject({ community: { id: 'C01', name: '东街社区' }, canManage: false, canClaim: true });
    expect(member.posts.map((p) => p.id)).toContain(postId);

    const staff = await ok(t, 'staff-C01', 'post', 'list');
    expect(staff).toMatchObject({ community: { id: 'C01' }, canManage: true, canClaim: false });
    expect(await ok(t, 'staff-C02', 'post', 'list')).toMatchObject({
      community: { id: 'C02' },
      canManage: true,
      posts: [],
    });

    expect(await ok(t, 'nobody', 'post', 'list')).toEqual({
      community: null,
      posts: [],
      canManage: false,
      canClaim: false,
    });
    const named = await ok(t, 'nobody', 'post', 'list', { communityId: 'C01' });
    expect(named).toMatchObject({ community: { id: 'C01' }, canManage: false, canClaim: false });
    expect(named.posts.map((p) => p.id)).toContain(postId);
    expect(await call(t, 'nobody', 'post', 'list', { communityId: 'C99' })).toMatchObject({
      ok: false,
      code: 'COMMUNITY_NOT_FOUND',
    });
  });

  test("claimants are public with name and unit, never a phone; mine marks the caller's claims", async () => {
    const postId = await publish(t);
    await checkedInMember(t, 'm-edu', 'C01', 'U02');
    await ok(t, 'm-edu', 'post', 'claim', { postId });
    const seen = await ok(t, 'nobody', 'post', 'list', { communityId: 'C01' });
    const post = seen.posts.find((p) => p.id === postId);
    expect(post).toMatchObject({ claimCount: 1, claimants: [{ name: '党员edu', unitName: '县教育局' }], mine: false });
    const { phone } = await storedDoc(t, 'members', 'm-edu');
    expect(JSON.stringify(seen)).not.toContain(phone);
    expect(JSON.stringify(seen)).not.toMatch(/phone|\*\*\*\*/i);
    for (const listed of seen.posts)
      for (const c of listed.claimants) expect(Object.keys(c).sort()).toEqual(['name', 'unitName']);
    const own = await ok(t, 'm-edu', 'post', 'list');
    expect(own.posts.find((p) => p.id === postId)?.mine).toBe(true);
  });

  test('a post past its last day is no longer listed as open', async () => {
    const postId = await publish(t, { until: Date.now() });
    t.cloud.clock.advance(2 * DAY);
    expect((await ok(t, 'm-east', 'post', 'list')).posts.map((p) => p.id)).not.toContain(postId);
    const all = await ok(t, 'm-east', 'post', 'list', { includeClosed: true });
    expect(all.posts.find((p) => p.id === postId)?.status).toBe('closed');
  });
});
