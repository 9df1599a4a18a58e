import type { TestCloud } from 'wx-local-cloud/testing';
import { ERRORS, type OrderDoc, type PostClaimDoc } from '../../../types';
import { chinaMonthKey } from '../../../domain/periods';
import { aMember, aPost, insert } from '../fixtures';
import { call, ok, registration, snapshot, useCountyCloud } from '../helpers';
import { DAY, HOUR, aContact, aPublishedOrder, aRatedOrder, aResident, anOrder, insertOrders } from './setup';

let t: TestCloud;
useCountyCloud((cloud) => (t = cloud));

/** A confirmed member with this phone, checked in at `communityId` through the real actions. */
async function memberAt(openid: string, communityId: string, change: Parameters<typeof registration>[0] = {}) {
  await ok(t, openid, 'user', 'register', registration({ name: `党员${openid.slice(-2)}`, ...change }));
  await ok(t, `admin-${change.unitId ?? 'U01'}`, 'unit', 'verifyMember', { memberId: openid, decision: 'verify' });
  await ok(t, openid, 'checkin', 'checkIn', { communityId });
}

function aClaim(postId: string, memberId: string, claimedAt: number, unitId = 'U01'): PostClaimDoc {
  return { _id: `${postId}_${memberId}`, postId, communityId: 'CB', memberId, unitId, status: 'active', claimedAt };
}

/** A community of its own per test, so that what one test writes does not show on another's board. */
async function freshCommunity(id: string): Promise<void> {
  await insert(t.db, 'communities', {
    _id: id,
    name: `${id}社区`,
    county: '示范县',
    street: '城关街道',
    address: '幸福路1号',
    createdAt: 0,
  });
}

describe('board.get', () => {
  test("without a community names the caller's own: checked in, staff of, or lives in; else no board", async () => {
    await memberAt('b-member', 'C02');
    await insert(t.db, 'residents', aResident({ _id: 'b-resident', communityId: 'C02' }));
    expect((await ok(t, 'b-member', 'board', 'get')).board?.community.id).toBe('C02');
    expect((await ok(t, 'staff-C01', 'board', 'get')).board?.community.id).toBe('C01');
    expect((await ok(t, 'b-resident', 'board', 'get')).board?.community.id).toBe('C02');
    expect(await ok(t, 'admin-U01', 'board', 'get')).toEqual({ board: null });
    expect(await ok(t, 'b-nobody', 'board', 'get')).toEqual({ board: null });
    // Anyone signed in may read any community's board.
    expect((await ok(t, 'b-nobody', 'board', 'get', { communityId: 'C01' })).board?.community).toEqual({
      id: 'C01',
      name: '东街社区',
      street: expect.any(String),
    });
  });

  test('an unknown community or a malformed id is refused and changes nothing', async () => {
    const before = await snapshot(t);
    expect(await call(t, 'b-nobody', 'board', 'get', { communityId: 'C99' })).toEqual({
      ok: false,
      code: 'COMMUNITY_NOT_FOUND',
      message: ERRORS.COMMUNITY_NOT_FOUND,
    });
    expect(await call(t, 'b-nobody', 'board', 'get', { communityId: 'a b' })).toMatchObject({ ok: false });
    expect(await call(t, 'b-nobody', 'board', 'get', { communityId: 'C01', extra: 1 })).toMatchObject({ ok: false });
    expect(await snapshot(t)).toBe(before);
  });

  test('open posts with claimants (name and unit), consented pledges (phone masked), published and done requests, counters', async () => {
    await freshCommunity('CB1');
    const now = t.cloud.clock.now();
    await memberAt('b-pledger', 'CB1', { phone: '13955550001', skills: ['电工'], pledge: '随叫随到修水电' });
    await memberAt('b-shy', 'CB1', { unitId: 'U02', phone: '13955550002', pledgePublic: false });
    await memberAt('b-away', 'C02', { phone: '13955550003' });
    await insert(
      t.db,
      'members',
      aMember({ _id: 'b-unconfirmed', communityId: 'CB1', status: 'unverified', pledgePublic: true }),
      aMember({ _id: 'b-gone', communityId: 'CB1', status: 'deleted', pledgePublic: true, name: '', phone: '' }),
    );
    // Staff of CB1 would publish it; written by hand here, claimed by both members.
    await insert(
      t.db,
      'posts',
      aPost({ _id: 'b-post', communityId: 'CB1', duty: '陪老人聊天', until: now + 7 * DAY, claimCount: 2 }),
      aPost({ _id: 'b-post-past', communityId: 'CB1', until: now - DAY }),
      aPost({ _id: 'b-post-closed', communityId: 'CB1', status: 'closed' }),
    );
    await insert(t.db, 'postClaims', aClaim('b-post', 'b-pledger', now), aClaim('b-post', 'b-shy', now + 1, 'U02'));

    const order = (p: Partial<OrderDoc> & { _id: string }) => ({ ...p, communityId: 'CB1' });
    await insertOrders(t, [
      aPublishedOrder(order({ _id: 'b-pub-old', text: '想找人教我用手机挂号' }), now - 5 * HOUR),
      aPublishedOrder(order({ _id: 'b-pub-new', text: '家里水管漏水想请人看看', kind: '维修' }), now - HOUR),
      anOrder(order({ _id: 'b-submitted', text: '还没审核的请求内容' })),
      anOrder(order({ _id: 'b-taken', text: '已经有人接的请求', status: 'taken', takerId: 'b-pledger' })),
      anOrder(order({ _id: 'b-rejected', text: '被退回的请求内容', status: 'rejected' })),
      aRatedOrder(order({ _id: 'b-done-1', text: '帮忙买菜送上楼' }), now - 2 * DAY, 4),
      aRatedOrder(order({ _id: 'b-done-2', text: '帮忙修好了门锁' }), now - DAY, 5),
      aPublishedOrder({ _id: 'b-pub-elsewhere', text: '别的社区的请求' }),
    ]);
    await insert(t.db, 'orderContacts', aContact({ _id: 'b-pub-new', communityId: 'CB1' }));
    const month = `ordersDone-CB1-${chinaMonthKey(now)}`;
    await insert(t.db, 'counters', { _id: month, value: 2 }, { _id: 'ordersDone-CB1', value: 7 });

    const { board } = await ok(t, 'b-nobody', 'board', 'get', { communityId: 'CB1' });
    expect(board).toEqual({
      community: { id: 'CB1', name: 'CB1社区', street: '城关街道' },
      posts: [
        {
          id: 'b-post',
          kind: '环境维护岗',
          duty: '陪老人聊天',
          claimants: [
            { name: '党员er', unitName: '县财政局' },
            { name: '党员hy', unitName: '县教育局' },
          ],
        },
      ],
      pledges: [
        {
          name: '党员er',
          unitName: '县财政局',
          skills: ['电工'],
          pledge: '随叫随到修水电',
          phoneMasked: '139****0001',
        },
      ],
      pledgeCount: 1,
      published: [
        {
          id: 'b-pub-new',
          kind: '维修',
          text: '家里水管漏水想请人看看',
          compound: '东街花园',
          wantedBy: expect.any(Number),
          at: now - HOUR,
          stars: null,
        },
        expect.objectContaining({ id: 'b-pub-old', at: now - 5 * HOUR }),
      ],
      publishedCount: 2,
      recentlyDone: [
        expect.objectContaining({ id: 'b-done-2', text: '帮忙修好了门锁', at: now - DAY, stars: 5 }),
        expect.objectContaining({ id: 'b-done-1', at: now - 2 * DAY, stars: 4 }),
      ],
      doneThisMonth: 2,
      doneInAll: 7,
    });
    // Never a contact, a resident's name, a door or a full phone.
    const text = JSON.stringify(board);
    for (const secret of ['13977770001', '9栋8单元707', '陈阿姨', '13955550001', '13955550002', 'b-pledger']) {
      expect(text).not.toContain(secret);
    }
    // A mobile number not inside a longer number (timestamps are 13 digits).
    expect(text).not.toMatch(/(?<!\d)1[3-9]\d{9}(?!\d)/);
  });

  test('each list is its first screenful; the counts are the whole', async () => {
    await freshCommunity('CB2');
    const now = t.cloud.clock.now();
    const many: OrderDoc[] = [];
    for (let i = 0; i < 25; i++) {
      many.push(aPublishedOrder({ _id: `b2-pub-${i}`, communityId: 'CB2' }, now - i * HOUR));
    }
    for (let i = 0; i < 12; i++) many.push(aRatedOrder({ _id: `b2-done-${i}`, communityId: 'CB2' }, now - i * HOUR));
    await insertOrders(t, many);
    for (let i = 0; i < 55; i++) {
      await insert(
        t.db,
        'members',
        aMember({ _id: `b2-m-${i}`, communityId: 'CB2', pledgePublic: true, checkedInAt: now - i }),
      );
    }
    const { board } = await ok(t, 'b-nobody', 'board', 'get', { communityId: 'CB2' });
    expect(board?.published.map((order) => order.id)).toEqual(Array.from({ length: 20 }, (_, i) => `b2-pub-${i}`));
    expect(board?.publishedCount).toBe(25);
    expect(board?.recentlyDone.map((order) => order.id)).toEqual(Array.from({ length: 10 }, (_, i) => `b2-done-${i}`));
    expect(board?.pledges).toHaveLength(50);
    expect(board?.pledgeCount).toBe(55);
    expect(board?.pledges[0].phoneMasked).toBe('138****1234');
    expect(board?.doneThisMonth).toBe(0);
    expect(board?.doneInAll).toBe(0);
  });

  test('the number of database calls is the same with 5 requests and with 300', async () => {
    await freshCommunity('CB3');
    const now = t.cloud.clock.now();
    await insert(t.db, 'posts', aPost({ _id: 'b3-post', communityId: 'CB3', until: now + DAY }));
    await insert(t.db, 'postClaims', aClaim('b3-post', 'b3-m', now));
    await insert(t.db, 'members', aMember({ _id: 'b3-m', communityId: 'CB3', pledgePublic: true }));
    const states = (i: number): OrderDoc => {
      const p = { _id: `b3-${i}`, communityId: 'CB3' };
      if (i % 3 === 0) return aPublishedOrder(p, now - i * 60_000);
      if (i % 3 === 1) return aRatedOrder(p, now - i * 60_000);
      return anOrder(p);
    };
    const callsOf = async () => {
      const { outcome, calls } = await t.cloud.invoke(
        'board',
        { action: 'get', data: { communityId: 'CB3' } },
        { openid: 'b-nobody' },
      );
      expect(outcome.ok).toBe(true);
      return calls;
    };
    await insertOrders(
      t,
      Array.from({ length: 5 }, (_, i) => states(i)),
    );
    const few = await callsOf();
    await insertOrders(
      t,
      Array.from({ length: 295 }, (_, i) => states(i + 5)),
    );
    const many = await callsOf();
    expect(many).toEqual(few);
    const { board } = await ok(t, 'b-nobody', 'board', 'get', { communityId: 'CB3' });
    expect(board?.publishedCount).toBe(100);
    expect(board?.published).toHaveLength(20);
    expect(board?.recentlyDone).toHaveLength(10);
  });
});
