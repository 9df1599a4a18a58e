import type { TestCloud } from 'wx-local-cloud/testing';
import type { ServiceRecordDoc, StampedLine } from '../../../types';
import { insert } from '../fixtures';
import { call, ok, snapshot, storedDoc, useCountyCloud, verifiedMember } from '../helpers';
import { DAY, HOUR, aConfirmedRecord, china, insertRecords, memberAt, postClaimedBy, report, stamped } from './setup';

let t: TestCloud;
useCountyCloud((cloud) => (t = cloud));

const idsOf = (lines: StampedLine[]) => lines.map((line) => line.recordId);

describe('card.get', () => {
  test('after confirmations: who, hours from the tallies, the stamped lines newest first, pending and rejected', async () => {
    t.cloud.clock.setTime(china(2026, 12, 10, 12));
    await memberAt(t, 'm-card');
    const postId = await postClaimedBy(t, 'C01', 'm-card');
    const older = await stamped(t, 'm-card', postId, china(2026, 12, 9, 8), 90);
    const newer = await stamped(t, 'm-card', postId, china(2026, 12, 10, 8), 60);
    await report(t, 'm-card', postId, china(2026, 12, 8, 8), 30);
    const rejected = await report(t, 'm-card', postId, china(2026, 12, 7, 8), 30);
    await ok(t, 'staff-C01', 'record', 'reject', { recordId: rejected, reason: '照片看不清楚' });

    const card = await ok(t, 'm-card', 'card', 'get');
    const me = await ok(t, 'm-card', 'user', 'getMe');
    expect(card).toMatchObject({
      cardNo: me.member?.serviceCardNo,
      name: '党员ard',
      unit: { id: 'U01', name: '县财政局' },
      community: { id: 'C01', name: '东街社区', street: '城关镇' },
      minutesThisYear: 150,
      minutesInAll: 150,
      pendingCount: 1,
      rejectedCount: 1,
      star: { level: 0, nextAtHours: 100 },
      posts: [{ postId, kind: '环境维护岗', period: '2026年12月上半月', done: true, previousDone: false }],
    });
    expect(card.goal.yearlyHours).toBe(48);
    expect(card.lines.next).toBeNull();
    expect(idsOf(card.lines.items)).toEqual([newer, older]);
    expect(card.lines.items[0]).toMatchObject({
      date: china(2026, 12, 10, 8),
      what: '清理楼道杂物',
      source: 'selfReported',
      minutes: 60,
      communityName: '东街社区',
      stampedByName: '李社工',
      stampedAt: (await storedDoc(t, 'serviceRecords', newer)).decidedAt,
      correctsId: null,
    });

    // A confirmed record slipped into the database behind the functions' back is a line, but no hours: totals are
    // read from the tallies that confirmations keep, never summed from the records.
    await insertRecords(t, aConfirmedRecord({ _id: 'slipped-in', memberId: 'm-card', startAt: china(2026, 12, 1, 8) }));
    const after = await ok(t, 'm-card', 'card', 'get');
    expect(after.minutesThisYear).toBe(150);
    expect(after.minutesInAll).toBe(150);
    expect(idsOf(after.lines.items)).toEqual([newer, older, 'slipped-in']);
  });

  test("a claimed post's half-month status flips across the 15th/16th, and hours this year start again in January", async () => {
    t.cloud.clock.setTime(china(2026, 12, 15, 20));
    await memberAt(t, 'm-half');
    const postId = await postClaimedBy(t, 'C01', 'm-half');
    const before = await ok(t, 'm-half', 'card', 'get');
    expect(before.posts).toEqual([
      {
        postId,
        kind: '环境维护岗',
        duty: '每周六上午清理楼道杂物',
        period: '2026年12月上半月',
        done: false,
        previousDone: false,
      },
    ]);
    await stamped(t, 'm-half', postId, china(2026, 12, 15, 8), 120);
    expect((await ok(t, 'm-half', 'card', 'get')).posts[0]).toMatchObject({ done: true, previousDone: false });

    t.cloud.clock.setTime(china(2026, 12, 16, 0, 5));
    expect((await ok(t, 'm-half', 'card', 'get')).posts[0]).toMatchObject({
      period: '2026年12月下半月',
      done: false,
      previousDone: true,
    });
    await stamped(t, 'm-half', postId, china(2026, 12, 16, 0, 0), 1);
    expect((await ok(t, 'm-half', 'card', 'get')).posts[0]).toMatchObject({ done: true, previousDone: true });

    t.cloud.clock.setTime(china(2027, 1, 2, 10));
    const nextYear = await ok(t, 'm-half', 'card', 'get');
    expect(nextYear.minutesThisYear).toBe(0);
    expect(nextYear.minutesInAll).toBe(121);
    expect(nextYear.posts[0]).toMatchObject({ period: '2027年1月上半月', done: false, previousDone: true });
  });

  test('star levels and the pace expected by today follow the county settings', async () => {
    t.cloud.clock.setTime(china(2026, 7, 2, 12));
    await memberAt(t, 'm-star');
    const postId = await postClaimedBy(t, 'C01', 'm-star');
    await stamped(t, 'm-star', postId, china(2026, 7, 1, 8), 150);

    const defaults = await ok(t, 'm-star', 'card', 'get');
    // 182.5 of 365 days: half of 48 hours.
    expect(defaults.goal).toEqual({ yearlyHours: 48, expectedHoursByToday: 24, onPace: false });
    expect(defaults.star).toEqual({ level: 0, nextAtHours: 100 });

    await insert(t.db, 'settings', { _id: 'serviceRules', starHours: [1, 2, 3, 4, 5], yearlyGoalHours: 4 });
    try {
      const custom = await ok(t, 'm-star', 'card', 'get');
      expect(custom.goal).toEqual({ yearlyHours: 4, expectedHoursByToday: 2, onPace: true });
      expect(custom.star).toEqual({ level: 2, nextAtHours: 3 });
    } finally {
      await t.db.collection('settings').doc('serviceRules').remove();
    }
  });

  test('the number of database calls does not grow with the number of records', async () => {
    t.cloud.clock.setTime(china(2026, 12, 10, 12));
    await memberAt(t, 'm-calls');
    const postId = await postClaimedBy(t, 'C01', 'm-calls');
    await stamped(t, 'm-calls', postId, china(2026, 12, 9, 8));
    const callsOf = async () => {
      const { outcome, calls } = await t.cloud.invoke('card', { action: 'get', data: {} }, { openid: 'm-calls' });
      expect(outcome.ok).toBe(true);
      return calls;
    };
    const few = await callsOf();
    const many: ServiceRecordDoc[] = [];
    for (let i = 0; i < 150; i++) {
      const startAt = china(2026, 11, 1, 8) - i * DAY;
      many.push(aConfirmedRecord({ _id: `calls-${i}`, memberId: i % 2 ? 'm-calls' : 'someone-else', startAt }));
      many.push(aConfirmedRecord({ _id: `calls-p${i}`, memberId: 'm-calls', startAt, status: 'pending' }));
    }
    await insertRecords(t, ...many);
    expect(await callsOf()).toEqual(few);
  });
});

describe('card.lines', () => {
  test('pages through every stamped line once, newest first, records sharing a start time kept together', async () => {
    await verifiedMember(t, 'm-pages');
    const at = (i: number) => china(2026, 10, 1) - i * DAY;
    const records = [
      ...Array.from({ length: 18 }, (_, i) =>
        aConfirmedRecord({ _id: `page-${String(i).padStart(2, '0')}`, memberId: 'm-pages', startAt: at(i) }),
      ),
      // A correction starts when the record it corrects did: four lines share the 19th start time.
      ...['tie-a', 'tie-b', 'tie-c', 'tie-d'].map((_id) =>
        aConfirmedRecord({ _id, memberId: 'm-pages', startAt: at(18) }),
      ),
      aConfirmedRecord({ _id: 'page-last', memberId: 'm-pages', startAt: at(19) }),
      aConfirmedRecord({ _id: 'pending-one', memberId: 'm-pages', startAt: at(3) + HOUR, status: 'pending' }),
    ];
    await insertRecords(t, ...records);
    const expected = [
      ...Array.from({ length: 18 }, (_, i) => `page-${String(i).padStart(2, '0')}`),
      'tie-d',
      'tie-c',
      'tie-b',
      'tie-a',
      'page-last',
    ];

    const card = await ok(t, 'm-pages', 'card', 'get');
    expect(idsOf(card.lines.items)).toEqual(expected.slice(0, 22));
    expect(card.lines.next).not.toBeNull();
    const rest = await ok(t, 'm-pages', 'card', 'lines', { cursor: card.lines.next ?? undefined });
    expect(rest).toMatchObject({ next: null });
    expect(idsOf(rest.items)).toEqual(['page-last']);

    const seen: string[] = [];
    let cursor: string | undefined;
    for (let pages = 0; pages < 10; pages++) {
      const page = await ok(t, 'm-pages', 'card', 'lines', { cursor, limit: 5 });
      seen.push(...idsOf(page.items));
      if (!page.next) break;
      cursor = page.next;
    }
    expect(seen).toEqual(expected);
  });
});

describe('refusals change nothing', () => {
  test('a person who never registered has no card', async () => {
    const before = await snapshot(t);
    expect(await call(t, 'nobody', 'card', 'get', {})).toMatchObject({ ok: false, code: 'NOT_REGISTERED' });
    expect(await call(t, 'nobody', 'card', 'lines', {})).toMatchObject({ ok: false, code: 'NOT_REGISTERED' });
    expect(await call(t, 'staff-C01', 'card', 'get', {})).toMatchObject({ ok: false, code: 'NOT_REGISTERED' });
    expect(await snapshot(t)).toBe(before);
  });

  test('a cursor or a limit that no page answered is refused', async () => {
    await verifiedMember(t, 'm-cursor');
    const before = await snapshot(t);
    for (const data of [{ cursor: 'abc' }, { cursor: '1.5' }, { limit: 0 }, { limit: 51 }, { cursor: { $gt: '' } }]) {
      expect(await call(t, 'm-cursor', 'card', 'lines', data)).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    }
    expect(await snapshot(t)).toBe(before);
  });
});
