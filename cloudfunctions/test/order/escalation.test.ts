import type { TestCloud } from 'wx-local-cloud/testing';
import { call, ok, snapshot } from '../helpers';
import { DAY, HOUR, MEMBER, PUBLISHED, STAFF, STAFF_C02, T0, TAKEN, anOrder, startOrderCloud } from './setup';

let t: TestCloud;
beforeAll(async () => {
  t = await startOrderCloud();
});
afterAll(() => t.close());
afterEach(() => t.cloud.clock.setTime(T0));

test('untaken 48 h and taken past the wanted time are listed for staff, the longest first, as the clock moves', async () => {
  // Published at T0 − 30 min (untaken at T0 + 47.5 h); taken, wanted by T0 + 10 h.
  const untaken = await anOrder(t, { ...PUBLISHED, wantedBy: T0 + 5 * DAY });
  const overdue = await anOrder(t, { ...TAKEN, wantedBy: T0 + 10 * HOUR });
  const fresh = await anOrder(t, { ...PUBLISHED, publishedAt: T0 + HOUR, wantedBy: T0 + 5 * DAY });
  const submitted = await anOrder(t, { createdAt: T0 - 5 * DAY });
  const otherCommunity = await anOrder(t, { ...PUBLISHED, communityId: 'C02' });
  const done = await anOrder(t, { ...TAKEN, status: 'done', doneAt: T0, wantedBy: T0 - DAY });

  expect((await ok(t, STAFF, 'order', 'escalated', {})).items).toEqual([]);

  t.cloud.clock.advance(12 * HOUR);
  const atNoon = await ok(t, STAFF, 'order', 'escalated', {});
  expect(atNoon.items.map((item) => [item.order.id, item.kind, item.hours])).toEqual([[overdue._id, 'overdue', 2]]);
  expect(atNoon.items[0].order).toMatchObject({ escalation: 'overdue', status: 'taken' });

  t.cloud.clock.setTime(T0 + 48 * HOUR);
  const later = await ok(t, STAFF, 'order', 'escalated', {});
  expect(later.items.map((item) => [item.order.id, item.kind, item.hours])).toEqual([
    [untaken._id, 'untaken', 48],
    [overdue._id, 'overdue', 38],
  ]);
  const ids = later.items.map((item) => item.order.id);
  for (const quiet of [fresh, submitted, otherCommunity, done]) expect(ids).not.toContain(quiet._id);
  expect(JSON.stringify(later)).not.toContain('13900001111');

  // Paged, one at a time.
  const first = await ok(t, STAFF, 'order', 'escalated', { limit: 1 });
  const second = await ok(t, STAFF, 'order', 'escalated', { limit: 1, cursor: first.next ?? undefined });
  expect([...first.items, ...second.items].map((item) => item.order.id)).toEqual(ids);
  expect(second.next).toBeNull();

  // The other community's staff see only theirs.
  t.cloud.clock.setTime(T0 + 50 * HOUR);
  const theirs = await ok(t, STAFF_C02, 'order', 'escalated', {});
  expect(theirs.items.map((item) => item.order.id)).toEqual([otherCommunity._id]);
});

test('a release starts the 48 h again', async () => {
  const order = await anOrder(t, { ...TAKEN, wantedBy: T0 + 10 * DAY, publishedAt: T0 - 47 * HOUR });
  t.cloud.clock.advance(2 * HOUR);
  await ok(t, MEMBER, 'order', 'release', { orderId: order._id, reason: '家里临时有事' });
  const ids = async () => (await ok(t, STAFF, 'order', 'escalated', {})).items.map((item) => item.order.id);
  expect(await ids()).not.toContain(order._id);
  t.cloud.clock.advance(47 * HOUR);
  expect(await ids()).not.toContain(order._id);
  t.cloud.clock.advance(2 * HOUR);
  expect(await ids()).toContain(order._id);
});

test('only staff see the escalation list', async () => {
  const before = await snapshot(t);
  for (const openid of [MEMBER, 'resident-1', 'county']) {
    const result = await call(t, openid, 'order', 'escalated', {});
    expect(result.ok ? 'ok' : result.code).toBe('FORBIDDEN');
  }
  expect(await snapshot(t)).toBe(before);
});
