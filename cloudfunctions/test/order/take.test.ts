import type { TestCloud } from 'wx-local-cloud/testing';
import { ERRORS } from '../../../types';
import { aMember, insert } from '../fixtures';
import { auditOf, call, ok, snapshot, storedDoc } from '../helpers';
import { expectFieldsFitWeChat, subscribed } from '../notify/setup';
import {
  DAY,
  HOUR,
  MEMBER,
  MINUTE,
  PUBLISHED,
  RESIDENT,
  RESIDENT_PHONE,
  STAFF,
  STAFF_C02,
  T0,
  TAKEN,
  anOrder,
  checkedInMember,
  startOrderCloud,
} from './setup';

let t: TestCloud;
beforeAll(async () => {
  t = await startOrderCloud();
  await checkedInMember(t, 'member-2');
  await checkedInMember(t, 'member-c02', 'C02');
  await insert(t.db, 'members', aMember({ _id: 'member-out', phone: '13700000000' }));
});
afterAll(() => t.close());
afterEach(() => t.cloud.clock.setTime(T0));

/** A refusal that must change nothing. */
async function refused(openid: string, action: 'take' | 'release' | 'listOpen' | 'listTaken', data: unknown) {
  const before = await snapshot(t);
  const result = await call(t, openid, 'order', action, data);
  expect(await snapshot(t)).toBe(before);
  expect(result.ok).toBe(false);
  return result.ok ? null : result.code;
}

/** The functions' clock runs on from where a test set it: a moment written now lies just after. */
function soonAfter(at: number) {
  return { asymmetricMatch: (value: unknown) => typeof value === 'number' && value >= at && value < at + MINUTE };
}

test('a checked-in member lists their community’s published requests, soonest wanted first, with no contact', async () => {
  const later = await anOrder(t, { ...PUBLISHED, wantedBy: T0 + 3 * DAY, text: '帮忙修一下水龙头' });
  const sooner = await anOrder(t, { ...PUBLISHED, wantedBy: T0 + 5 * HOUR, text: '帮忙取一下快递' });
  const submitted = await anOrder(t);
  const other = await anOrder(t, { ...PUBLISHED, communityId: 'C02' });
  const page = await ok(t, MEMBER, 'order', 'listOpen', { limit: 50 });
  const ids = page.items.map((item) => item.id);
  expect(ids.indexOf(sooner._id)).toBeLessThan(ids.indexOf(later._id));
  expect(ids).not.toContain(submitted._id);
  expect(ids).not.toContain(other._id);
  const text = JSON.stringify(page);
  expect(text).not.toContain(RESIDENT_PHONE);
  expect(text).not.toContain('501');
  expect(page.items.find((item) => item.id === sooner._id)).toMatchObject({
    compound: '幸福小区',
    status: 'published',
    taker: null,
    mine: false,
  });
  // Paged: one at a time, the cursor leads on.
  const first = await ok(t, MEMBER, 'order', 'listOpen', { limit: 1 });
  expect(first.items).toHaveLength(1);
  const second = await ok(t, MEMBER, 'order', 'listOpen', { limit: 1, cursor: first.next ?? undefined });
  expect(second.items[0].id).not.toBe(first.items[0].id);
  // Only members checked in somewhere; a resident is no member.
  expect(await refused('member-out', 'listOpen', {})).toBe('NOT_CHECKED_IN_HERE');
  expect(await refused(RESIDENT, 'listOpen', {})).toBe('NOT_REGISTERED');
});

test('take: the member becomes the taker, sees the contact (logged), and the resident sees the masked phone', async () => {
  const order = await anOrder(t, PUBLISHED);
  const { order: detail } = await ok(t, MEMBER, 'order', 'take', { orderId: order._id });
  expect(detail).toMatchObject({
    status: 'taken',
    taking: true,
    takenAt: soonAfter(T0),
    contact: { name: '王大妈', phone: RESIDENT_PHONE, compound: '幸福小区', address: '3栋2单元501' },
    can: { release: true, markDone: true, take: false },
  });
  expect(await storedDoc(t, 'orders', order._id)).toMatchObject({
    status: 'taken',
    takerId: MEMBER,
    takerName: '党员r-1',
    takerPhoneMasked: '138****1234',
    takenAt: soonAfter(T0),
  });
  expect((await auditOf(t, order._id)).map((entry) => entry.action)).toEqual(['order.readContact']);
  const seen = await ok(t, RESIDENT, 'order', 'get', { orderId: order._id });
  expect(seen.order.taker).toEqual({ name: '党员r-1', phoneMasked: '138****1234' });
  expect(seen.order.contact).toBeNull();
  const taken = await ok(t, MEMBER, 'order', 'listTaken', {});
  expect(taken.items.map((item) => item.id)).toContain(order._id);
});

test('take refusals change nothing', async () => {
  const order = await anOrder(t, PUBLISHED);
  const own = await anOrder(t, { ...PUBLISHED, residentId: MEMBER });
  const submitted = await anOrder(t);
  const cancelled = await anOrder(t, { status: 'cancelled', cancelledAt: T0 });
  const taken = await anOrder(t, TAKEN);
  expect(await refused('member-c02', 'take', { orderId: order._id })).toBe('ORDER_NOT_FOUND');
  expect(await refused('member-out', 'take', { orderId: order._id })).toBe('NOT_CHECKED_IN_HERE');
  expect(await refused(RESIDENT, 'take', { orderId: order._id })).toBe('NOT_REGISTERED');
  expect(await refused(STAFF, 'take', { orderId: order._id })).toBe('NOT_REGISTERED');
  expect(await refused(MEMBER, 'take', { orderId: 'nope' })).toBe('ORDER_NOT_FOUND');
  expect(await refused(MEMBER, 'take', { orderId: '' })).toBe('INVALID_INPUT');
  expect(await refused(MEMBER, 'take', { orderId: own._id })).toBe('OWN_ORDER');
  expect(await refused(MEMBER, 'take', { orderId: submitted._id })).toBe('ORDER_STATE');
  expect(await refused(MEMBER, 'take', { orderId: cancelled._id })).toBe('ORDER_STATE');
  expect(await refused('member-2', 'take', { orderId: taken._id })).toBe('ORDER_TAKEN');
  const result = await call(t, 'member-2', 'order', 'take', { orderId: taken._id });
  expect(result.ok ? '' : result.message).toBe(ERRORS.ORDER_TAKEN);
});

test('30 members take one request at once: exactly one wins, the others are told it was taken', async () => {
  const racers = Array.from({ length: 30 }, (_, i) => `racer-${String(i).padStart(2, '0')}`);
  await insert(
    t.db,
    'members',
    ...racers.map((id, i) =>
      aMember({
        _id: id,
        name: `党员${String(i).padStart(2, '0')}`,
        phone: `1380000${String(i).padStart(4, '0')}`,
        communityId: 'C01',
        checkedInAt: T0 - DAY,
      }),
    ),
  );
  const order = await anOrder(t, PUBLISHED);
  const results = await Promise.all(racers.map((id) => call(t, id, 'order', 'take', { orderId: order._id })));
  const winners = results.filter((result) => result.ok);
  expect(winners).toHaveLength(1);
  expect(results.filter((result) => !result.ok).map((result) => (result.ok ? '' : result.code))).toEqual(
    Array(29).fill('ORDER_TAKEN'),
  );
  const stored = await storedDoc(t, 'orders', order._id);
  const winner = racers[results.findIndex((result) => result.ok)];
  expect(stored).toMatchObject({ status: 'taken', takerId: winner });
  // The contact was read once: by the winner.
  expect((await auditOf(t, order._id)).filter((entry) => entry.action === 'order.readContact')).toHaveLength(1);
});

test('release: back to published with the reason, the 48 h clock restarts, and another member can take it', async () => {
  const order = await anOrder(t, TAKEN);
  expect(await refused('member-2', 'release', { orderId: order._id, reason: '临时有事' })).toBe('NOT_TAKER');
  expect(await refused(MEMBER, 'release', { orderId: order._id, reason: '' })).toBe('INVALID_INPUT');
  expect(await refused(MEMBER, 'release', { orderId: 'nope', reason: '临时有事' })).toBe('ORDER_NOT_FOUND');
  t.cloud.clock.advance(30 * MINUTE);
  const { order: view } = await ok(t, MEMBER, 'order', 'release', { orderId: order._id, reason: '临时要出差' });
  expect(view).toMatchObject({
    status: 'published',
    taker: null,
    taking: false,
    publishedAt: soonAfter(T0 + 30 * MINUTE),
  });
  const stored = await storedDoc(t, 'orders', order._id);
  expect(stored).toMatchObject({ takerId: null, takerName: null, takerPhoneMasked: null, takenAt: null });
  expect(stored.releases).toEqual([
    { memberId: MEMBER, memberName: '党员r-1', reason: '临时要出差', at: soonAfter(T0 + 30 * MINUTE) },
  ]);
  // Released, it is no longer theirs: no contact, no second release.
  expect(await refused(MEMBER, 'release', { orderId: order._id, reason: '临时有事' })).toBe('NOT_TAKER');
  const again = await ok(t, 'member-2', 'order', 'take', { orderId: order._id });
  expect(again.order).toMatchObject({ status: 'taken', taking: true, contact: { phone: RESIDENT_PHONE } });
  const byFirst = await call(t, MEMBER, 'order', 'get', { orderId: order._id });
  // The member who gave it back no longer sees it (someone else's now), let alone the contact.
  expect(byFirst.ok ? byFirst.data.order.contact : byFirst.code).toBe('ORDER_NOT_FOUND');
});

test('release of a request already done is refused', async () => {
  const order = await anOrder(t, { ...TAKEN, status: 'done', doneAt: T0 });
  expect(await refused(MEMBER, 'release', { orderId: order._id, reason: '临时有事' })).toBe('ORDER_STATE');
});

test('the resident hears that their request was taken only when they subscribed', async () => {
  const silent = await anOrder(t, PUBLISHED);
  await ok(t, MEMBER, 'order', 'take', { orderId: silent._id });
  expect(t.cloud.outbox.list(RESIDENT)).toHaveLength(0);
  await subscribed(t, RESIDENT, 'orderTaken');
  const order = await anOrder(t, PUBLISHED);
  await ok(t, MEMBER, 'order', 'take', { orderId: order._id });
  const sent = t.cloud.outbox.list(RESIDENT);
  expect(sent).toHaveLength(1);
  expect(JSON.stringify(sent[0])).toContain('2026年6月10日 14:00');
  expect(JSON.stringify(sent[0])).toContain(`id=${order._id}`);
  expectFieldsFitWeChat(t);
  // The grant is used: the next take sends nothing.
  await ok(t, MEMBER, 'order', 'take', { orderId: (await anOrder(t, PUBLISHED))._id });
  expect(t.cloud.outbox.list(RESIDENT)).toHaveLength(1);
  // A request staff posted for someone without the app has nobody to tell.
  await ok(t, MEMBER, 'order', 'take', {
    orderId: (await anOrder(t, { ...PUBLISHED, residentId: null, onBehalf: { staffId: STAFF, staffName: '李社工' } }))
      ._id,
  });
  expect(t.cloud.outbox.list(STAFF)).toHaveLength(0);
  expect(t.cloud.outbox.list(STAFF_C02)).toHaveLength(0);
});
