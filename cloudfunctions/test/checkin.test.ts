import type { TestCloud } from 'wx-local-cloud/testing';
import { ERRORS, type CheckInDoc, type CheckInHistoryItem, type CounterDoc, type ServiceCardDoc } from '../../types';
import { SERVICE_CARD_NO, formatServiceCardNo } from '../../domain/service-card';
import { chinaTime } from '../../domain/time';
import { aCommunity, insert } from './fixtures';
import { call, ok, registration, seedCounty, snapshot, startFunctionsCloud, verifiedMember } from './helpers';

let t: TestCloud;
beforeAll(async () => {
  t = await startFunctionsCloud();
  await seedCounty(t);
});
afterAll(() => t.close());

const activeOf = (history: CheckInHistoryItem[]) => history.find((item) => item.status === 'active') ?? null;

describe('checkin.checkIn', () => {
  test('a confirmed member checks in once: the 活动证 is issued and a second scan changes nothing', async () => {
    await verifiedMember(t, 'm-first');
    const first = await ok(t, 'm-first', 'checkin', 'checkIn', { communityId: 'C01' });
    expect(first.outcome).toBe('checkedIn');
    expect(first.community).toEqual({ id: 'C01', name: '东街社区', street: '城关镇' });
    expect(first.serviceCardNo).toMatch(SERVICE_CARD_NO);

    const again = await ok(t, 'm-first', 'checkin', 'checkIn', { communityId: 'C01' });
    expect(again).toEqual({ ...first, outcome: 'alreadyCheckedIn' });
    const mine = await ok(t, 'm-first', 'checkin', 'getMine');
    expect(mine.history).toHaveLength(1);
    expect((await ok(t, 'm-first', 'user', 'getMe')).member?.serviceCardNo).toBe(first.serviceCardNo);
    const view = await ok(t, 'm-first', 'community', 'get', { communityId: 'C01' });
    expect(view.me).toEqual({ state: 'here', checkedInAt: first.checkedInAt, serviceCardNo: first.serviceCardNo });
  });

  test('moving needs an explicit transfer, keeps the history and the same card number', async () => {
    await verifiedMember(t, 'm-mover');
    const first = await ok(t, 'm-mover', 'checkin', 'checkIn', { communityId: 'C01' });
    const refused = await call(t, 'm-mover', 'checkin', 'checkIn', { communityId: 'C02' });
    expect(refused).toMatchObject({ ok: false, code: 'CHECKED_IN_ELSEWHERE' });
    expect((await ok(t, 'm-mover', 'community', 'get', { communityId: 'C02' })).me).toMatchObject({
      state: 'elsewhere',
      community: { id: 'C01' },
    });

    const moved = await ok(t, 'm-mover', 'checkin', 'checkIn', { communityId: 'C02', transfer: true });
    expect(moved.outcome).toBe('transferred');
    expect(moved.previousCommunity?.id).toBe('C01');
    expect(moved.serviceCardNo).toBe(first.serviceCardNo);
    const mine = await ok(t, 'm-mover', 'checkin', 'getMine');
    expect(activeOf(mine.history)?.community.id).toBe('C02');
    expect(mine.history.map((item) => [item.community.id, item.status])).toEqual([
      ['C02', 'active'],
      ['C01', 'transferred'],
    ]);
    expect(mine.history[1].endedAt).toBe(moved.checkedInAt);
  });

  test('forty members checking in at once get forty distinct card numbers, each counter numbering 1…n', async () => {
    const ids = Array.from({ length: 40 }, (_, i) => `m-rush-${String(i).padStart(2, '0')}`);
    for (const id of ids) await verifiedMember(t, id);
    const results = await Promise.all(ids.map((id) => ok(t, id, 'checkin', 'checkIn', { communityId: 'C02' })));
    expect(new Set(results.map((r) => r.serviceCardNo)).size).toBe(40);
    const cards: ServiceCardDoc[] = (await t.db.collection('serviceCards').limit(1000).get()).data;
    const counters: CounterDoc[] = (await t.db.collection('counters').limit(1000).get()).data;
    expect(counters.reduce((sum, c) => sum + c.value, 0)).toBe(cards.length);
    for (const counter of counters) {
      const [year, n] = counter._id.split('-').slice(1).map(Number);
      const issued = cards.filter((card) => card._id.startsWith(`HX${year}${counter._id.slice(-2)}`));
      expect(issued.map((card) => card._id).sort()).toEqual(
        Array.from({ length: counter.value }, (_, i) => formatServiceCardNo(year, n, i + 1)),
      );
    }
  });

  test('double scan at the same moment creates one check-in', async () => {
    await verifiedMember(t, 'm-double');
    const both = await Promise.all([
      ok(t, 'm-double', 'checkin', 'checkIn', { communityId: 'C01' }),
      ok(t, 'm-double', 'checkin', 'checkIn', { communityId: 'C01' }),
    ]);
    expect(both.map((r) => r.outcome).sort()).toEqual(['alreadyCheckedIn', 'checkedIn']);
    expect((await t.db.collection('checkIns').where({ memberId: 'm-double' }).count()).total).toBe(1);
  });

  describe('one transfer a day (China time)', () => {
    const historyOf = async (memberId: string): Promise<CheckInDoc[]> =>
      (await t.db.collection('checkIns').where({ memberId }).orderBy('checkedInAt', 'asc').get()).data;

    test('a second transfer on the same day is refused and changes nothing; the next day it is allowed', async () => {
      await verifiedMember(t, 'm-daily');
      await ok(t, 'm-daily', 'checkin', 'checkIn', { communityId: 'C01' });
      const moved = await ok(t, 'm-daily', 'checkin', 'checkIn', { communityId: 'C02', transfer: true });
      const member = (await t.db.collection('members').doc('m-daily').get()).data;
      expect(member.lastTransferAt).toBe(moved.checkedInAt);

      const before = await snapshot(t);
      expect(await call(t, 'm-daily', 'checkin', 'checkIn', { communityId: 'C01', transfer: true })).toEqual({
        ok: false,
        code: 'TRANSFER_TOO_SOON',
        message: expect.stringContaining('明天'),
      });
      expect(await snapshot(t)).toBe(before);

      const startOfToday = chinaTime().startOf('day').valueOf();
      await t.db
        .collection('members')
        .doc('m-daily')
        .update({ data: { lastTransferAt: startOfToday } });
      expect(await call(t, 'm-daily', 'checkin', 'checkIn', { communityId: 'C01', transfer: true })).toMatchObject({
        ok: false,
        code: 'TRANSFER_TOO_SOON',
      });
      await t.db
        .collection('members')
        .doc('m-daily')
        .update({ data: { lastTransferAt: startOfToday - 1 } });
      expect((await ok(t, 'm-daily', 'checkin', 'checkIn', { communityId: 'C01', transfer: true })).outcome).toBe(
        'transferred',
      );
      expect((await historyOf('m-daily')).map((item) => [item.communityId, item.status])).toEqual([
        ['C01', 'transferred'],
        ['C02', 'transferred'],
        ['C01', 'active'],
      ]);
    });

    test('forty transfers at once, to two communities, make exactly one transfer', async () => {
      await insert(
        t.db,
        'communities',
        aCommunity({ _id: 'C03', name: '南门社区', address: '南门路 5 号', createdAt: 0 }),
      );
      await verifiedMember(t, 'm-flock');
      await ok(t, 'm-flock', 'checkin', 'checkIn', { communityId: 'C01' });
      const targets = Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? 'C02' : 'C03'));
      const results = await Promise.all(
        targets.map((communityId) => call(t, 'm-flock', 'checkin', 'checkIn', { communityId, transfer: true })),
      );
      const transferred = results.filter((r) => r.ok && r.data.outcome === 'transferred');
      expect(transferred).toHaveLength(1);
      for (const result of results) {
        if (result.ok) expect(['transferred', 'alreadyCheckedIn']).toContain(result.data.outcome);
        else expect(result.code).toBe('TRANSFER_TOO_SOON');
      }
      const history = await historyOf('m-flock');
      expect(history.map((item) => item.status)).toEqual(['transferred', 'active']);
      expect(history[1].communityId).toBe(transferred[0].ok ? transferred[0].data.community.id : '');
    });
  });

  describe('refusals change nothing', () => {
    const checkIns = async () => (await t.db.collection('checkIns').count()).total;

    test.each([
      ['a person who never registered', 'nobody', { communityId: 'C01' }, 'NOT_REGISTERED'],
      ['an unknown community', 'm-first', { communityId: 'C99' }, 'COMMUNITY_NOT_FOUND'],
      ['a malformed community id', 'm-first', { communityId: '../C01' }, 'INVALID_INPUT'],
      ['a missing community id', 'm-first', {}, 'INVALID_INPUT'],
      ['an extra field', 'm-first', { communityId: 'C01', openid: 'someone-else' }, 'INVALID_INPUT'],
    ])('%s', async (_label, openid, data, code) => {
      const before = await checkIns();
      const result = await call(t, openid, 'checkin', 'checkIn', data);
      expect(result).toMatchObject({ ok: false, code });
      if (!result.ok) expect(Object.values(ERRORS)).toContain(result.message);
      expect(await checkIns()).toBe(before);
    });

    test('a registered member the unit admin has not confirmed yet', async () => {
      await ok(t, 'm-waiting', 'user', 'register', registration());
      const before = await checkIns();
      expect(await call(t, 'm-waiting', 'checkin', 'checkIn', { communityId: 'C01' })).toMatchObject({
        ok: false,
        code: 'NOT_VERIFIED',
        message: expect.stringContaining('等待单位党组织确认'),
      });
      expect(await checkIns()).toBe(before);
    });

    test('a person the unit admin refused', async () => {
      await ok(t, 'm-refused', 'user', 'register', registration());
      await ok(t, 'admin-U01', 'unit', 'verifyMember', { memberId: 'm-refused', decision: 'reject' });
      expect(await call(t, 'm-refused', 'checkin', 'checkIn', { communityId: 'C01' })).toMatchObject({
        ok: false,
        code: 'MEMBER_REJECTED',
      });
    });

    test('an unknown action, and a call without identity', async () => {
      expect(await call(t, 'm-first', 'checkin', 'deleteEverything' as 'checkIn')).toMatchObject({
        ok: false,
        code: 'UNKNOWN_ACTION',
      });
      const { outcome } = await t.cloud.invoke('checkin', { action: 'checkIn', data: { communityId: 'C01' } }, {});
      expect(outcome).toMatchObject({ ok: true, result: { ok: false, code: 'NOT_SIGNED_IN' } });
    });
  });
});
