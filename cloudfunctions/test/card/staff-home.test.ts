import type { TestCloud } from 'wx-local-cloud/testing';
import type { ActivityDoc } from '../../../types';
import { aMember, anActivity as aStoredActivity, insert } from '../fixtures';
import { call, ok, snapshot, storedDoc, useCountyCloud } from '../helpers';
import { HOUR, aConfirmedRecord, china, insertRecords, memberAt, postClaimedBy, report, stamped } from './setup';

let t: TestCloud;
useCountyCloud((cloud) => (t = cloud));

/** An activity of C01 two hours long (the shared fixture, with the times this test needs). */
function anActivity(p: Partial<ActivityDoc> & { _id: string; startsAt: number }): ActivityDoc {
  return aStoredActivity({
    place: '东街社区活动室',
    endsAt: p.startsAt + 2 * HOUR,
    createdAt: p.startsAt - 72 * HOUR,
    ...p,
  });
}

describe('community.staffHome', () => {
  test("today's activities, the stamp queue's size, oldest age and late ones, and how many are checked in", async () => {
    const now = china(2026, 12, 10, 14);
    t.cloud.clock.setTime(now);
    await insert(
      t.db,
      'activities',
      anActivity({ _id: 'a-morning', title: '上午义诊', startsAt: china(2026, 12, 10, 9) }),
      anActivity({
        _id: 'a-night',
        title: '夜间巡逻',
        startsAt: china(2026, 12, 9, 22),
        endsAt: china(2026, 12, 10, 2),
      }),
      anActivity({ _id: 'a-evening', title: '晚间宣讲', startsAt: china(2026, 12, 10, 19) }),
      anActivity({ _id: 'a-yesterday', title: '昨天的活动', startsAt: china(2026, 12, 9, 9) }),
      anActivity({ _id: 'a-tomorrow', title: '明天的活动', startsAt: china(2026, 12, 11, 9) }),
      anActivity({ _id: 'a-cancelled', title: '取消的活动', startsAt: china(2026, 12, 10, 10), status: 'cancelled' }),
      anActivity({ _id: 'a-elsewhere', title: '西街的活动', startsAt: china(2026, 12, 10, 10), communityId: 'C02' }),
    );
    const waiting = (hoursAgo: number) => ({
      status: 'pending' as const,
      createdAt: now - hoursAgo * HOUR,
      pendingSince: now - hoursAgo * HOUR,
    });
    await insertRecords(
      t,
      aConfirmedRecord({ _id: 'q-old', memberId: 'x1', ...waiting(50) }),
      aConfirmedRecord({ _id: 'q-new', memberId: 'x2', ...waiting(3) }),
      aConfirmedRecord({ _id: 'q-other', memberId: 'x3', communityId: 'C02', ...waiting(80) }),
      aConfirmedRecord({ _id: 'q-stamped', memberId: 'x4', createdAt: now - 90 * HOUR }),
      // Attendance never signed out: one whose activity ended 60 hours ago waits; one still on does not yet.
      aConfirmedRecord({
        _id: 'q-ended',
        memberId: 'x5',
        status: 'signedIn',
        createdAt: now - 62 * HOUR,
        endAt: now - 60 * HOUR,
        pendingSince: now - 60 * HOUR,
      }),
      aConfirmedRecord({
        _id: 'q-on',
        memberId: 'x6',
        status: 'signedIn',
        createdAt: now - HOUR,
        endAt: now + HOUR,
        pendingSince: now + HOUR,
      }),
    );
    await insert(
      t.db,
      'members',
      aMember({ _id: 'here-1', communityId: 'C01', checkedInAt: now }),
      aMember({ _id: 'here-2', communityId: 'C01', checkedInAt: now }),
      aMember({ _id: 'here-unverified', communityId: 'C01', status: 'unverified', checkedInAt: now }),
      aMember({ _id: 'there-1', communityId: 'C02', checkedInAt: now }),
    );

    const home = await ok(t, 'staff-C01', 'community', 'staffHome');
    expect(home).toEqual({
      community: { id: 'C01', name: '东街社区', street: '城关镇' },
      todayActivities: [
        {
          id: 'a-night',
          title: '夜间巡逻',
          place: '东街社区活动室',
          startsAt: china(2026, 12, 9, 22),
          endsAt: china(2026, 12, 10, 2),
        },
        {
          id: 'a-morning',
          title: '上午义诊',
          place: '东街社区活动室',
          startsAt: china(2026, 12, 10, 9),
          endsAt: china(2026, 12, 10, 11),
        },
        {
          id: 'a-evening',
          title: '晚间宣讲',
          place: '东街社区活动室',
          startsAt: china(2026, 12, 10, 19),
          endsAt: china(2026, 12, 10, 21),
        },
      ],
      pendingCount: 3,
      oldestPendingAt: now - 60 * HOUR,
      highlightCount: 2,
      checkedInCount: 2,
      // No residents' requests here (cloudfunctions/test/board/staff-home.test.ts counts them).
      ordersToReview: 0,
      ordersEscalated: 0,
    });
  });

  test('a report adds to the pending count, and stamping it takes it off again', async () => {
    t.cloud.clock.setTime(china(2026, 11, 20, 12));
    await memberAt(t, 'm-queue');
    const postId = await postClaimedBy(t, 'C01', 'm-queue');
    const before = (await ok(t, 'staff-C01', 'community', 'staffHome')).pendingCount;
    const id = await report(t, 'm-queue', postId, china(2026, 11, 20, 8));
    expect((await ok(t, 'staff-C01', 'community', 'staffHome')).pendingCount).toBe(before + 1);
    await ok(t, 'staff-C01', 'record', 'confirm', { recordIds: [id] });
    expect((await ok(t, 'staff-C01', 'community', 'staffHome')).pendingCount).toBe(before);
  });

  test('only staff open it, and a refusal changes nothing', async () => {
    await memberAt(t, 'm-not-staff');
    const before = await snapshot(t);
    for (const openid of ['m-not-staff', 'admin-U01', 'county', 'nobody']) {
      expect(await call(t, openid, 'community', 'staffHome', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' });
      expect(await call(t, openid, 'community', 'listCheckedIn', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    }
    expect(await snapshot(t)).toBe(before);
  });
});

describe('community.listCheckedIn', () => {
  test('the members checked in here by name, with unit, posts held here and hours this year; phones masked', async () => {
    t.cloud.clock.setTime(china(2026, 12, 5, 12));
    const home = await ok(t, 'staff-C01', 'community', 'staffHome');
    await memberAt(t, 'm-list-a');
    await memberAt(t, 'm-list-b', 'C01', 'U02');
    await memberAt(t, 'm-list-c', 'C02');
    const postId = await postClaimedBy(t, 'C01', 'm-list-a');
    await stamped(t, 'm-list-a', postId, china(2026, 12, 4, 8), 90);

    const all = await ok(t, 'staff-C01', 'community', 'listCheckedIn', { limit: 50 });
    expect(all.next).toBeNull();
    expect(all.items).toHaveLength(home.checkedInCount + 2);
    const names = all.items.map((row) => row.name);
    expect(names).toEqual([...names].sort(new Intl.Collator('zh-CN').compare));
    const rowA = all.items.find((row) => row.memberId === 'm-list-a');
    expect(rowA).toMatchObject({ unitName: '县财政局', posts: ['环境维护岗'], minutesThisYear: 90 });
    expect(rowA?.phoneMasked).toMatch(/^\d{3}\*{4}\d{4}$/);
    expect(all.items.find((row) => row.memberId === 'm-list-b')).toMatchObject({
      unitName: '县教育局',
      posts: [],
      minutesThisYear: 0,
    });
    expect(all.items.some((row) => row.memberId === 'm-list-c')).toBe(false);
    const phones = await Promise.all(all.items.map(async (row) => (await storedDoc(t, 'members', row.memberId)).phone));
    for (const phone of phones) expect(JSON.stringify(all)).not.toContain(phone);

    const seen: string[] = [];
    let cursor: string | undefined;
    for (let pages = 0; pages < 20; pages++) {
      const page = await ok(t, 'staff-C01', 'community', 'listCheckedIn', { cursor, limit: 1 });
      seen.push(...page.items.map((row) => row.memberId));
      if (!page.next) break;
      cursor = page.next;
    }
    expect(seen).toEqual(all.items.map((row) => row.memberId));
  });
});
