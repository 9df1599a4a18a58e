import type { TestCloud } from 'wx-local-cloud/testing';
import type { MarkDoneInput, OrderDoc } from '../../../types';
import { doneCounterIds } from '../../_shared/order-counts';
import { aPending } from '../record/setup';
import { insert } from '../fixtures';
import { auditOf, call, ok, snapshot, storedDoc } from '../helpers';
import { expectFieldsFitWeChat, messagesTo, subscribed } from '../notify/setup';
import {
  DAY,
  HOUR,
  MEMBER,
  MINUTE,
  RESIDENT,
  STAFF,
  STAFF_C02,
  T0,
  TAKEN,
  anOrder,
  checkedInMember,
  startOrderCloud,
  upload,
} from './setup';

/** 09:00 China time on T0's day. */
const MORNING = Date.UTC(2026, 5, 10, 1, 0);

/** member-1 took it on 1 June (14:00 China time), before every service time these tests name. */
const TAKEN_EARLY: Partial<OrderDoc> = {
  ...TAKEN,
  createdAt: T0 - 10 * DAY,
  updatedAt: T0 - 9 * DAY,
  publishedAt: T0 - 10 * DAY + HOUR,
  takenAt: T0 - 9 * DAY,
};

let t: TestCloud;
beforeAll(async () => {
  t = await startOrderCloud();
  await checkedInMember(t, 'member-2');
});
afterAll(() => t.close());
afterEach(() => t.cloud.clock.setTime(T0));

type Action = 'markDone' | 'rate' | 'confirmDone';

/** A refusal that must change nothing; answers its code. */
async function refused(openid: string, action: Action, data: unknown) {
  const before = await snapshot(t);
  const result = await call(t, openid, 'order', action, data);
  expect(await snapshot(t)).toBe(before);
  return result.ok ? 'ok' : result.code;
}

function doneInput(orderId: string, p: Partial<MarkDoneInput> = {}): MarkDoneInput {
  return { orderId, note: '大米已经送到家里', photos: [], startAt: MORNING, endAt: MORNING + 45 * MINUTE, ...p };
}

async function counters(communityId = 'C01') {
  const ids = doneCounterIds(communityId, T0);
  const [month, all] = await Promise.all([storedDoc(t, 'counters', ids.month), storedDoc(t, 'counters', ids.all)]);
  return { month: month?.value ?? 0, all: all?.value ?? 0 };
}

test('mark done → rate → the stamp queue with the rating → staff stamp → the member’s 活动证', async () => {
  await subscribed(t, RESIDENT, 'orderDone');
  const order = await anOrder(t, TAKEN_EARLY);
  const photo = await upload(t, MEMBER);
  const { order: done } = await ok(t, MEMBER, 'order', 'markDone', doneInput(order._id, { photos: [photo] }));
  expect(done).toMatchObject({ status: 'done', taking: true });
  const stored = await storedDoc(t, 'orders', order._id);
  expect(stored).toMatchObject({
    status: 'done',
    doneNote: '大米已经送到家里',
    donePhotos: [photo],
    serviceStartAt: MORNING,
    serviceEndAt: MORNING + 45 * MINUTE,
  });
  const record = await storedDoc(t, 'serviceRecords', stored.recordId);
  expect(record).toMatchObject({
    communityId: 'C01',
    memberId: MEMBER,
    source: 'order',
    orderId: order._id,
    postId: null,
    activityId: null,
    description: '【生活帮扶】大米已经送到家里',
    minutes: 45,
    creditMinutes: 45,
    photos: [photo],
    status: 'awaitingRating',
    rating: null,
    recordedBy: MEMBER,
    byStaff: false,
  });
  // The resident subscribed: told once that it is done.
  const [message, ...more] = messagesTo(t, RESIDENT, 'orderDone');
  expect(more).toEqual([]);
  expect(message.page).toContain(`id=${order._id}`);
  expectFieldsFitWeChat(t);

  // Awaiting the rating: the member sees it among their records, staff cannot stamp it yet.
  const mine = await ok(t, MEMBER, 'record', 'listMine', { status: 'awaitingRating' });
  expect(mine.items.find((item) => item.id === record._id)).toMatchObject({
    status: 'awaitingRating',
    order: { id: order._id, kind: '生活帮扶' },
  });
  const queueBefore = await ok(t, STAFF, 'record', 'queue', {});
  expect(queueBefore.items.map((item) => item.id)).not.toContain(record._id);
  const before = await snapshot(t);
  const stamp = await call(t, STAFF, 'record', 'confirm', { recordIds: [record._id] });
  expect(stamp.ok ? 'ok' : stamp.code).toBe('ORDER_STATE');
  const rejectEarly = await call(t, STAFF, 'record', 'reject', { recordId: record._id, reason: '没有看到照片' });
  expect(rejectEarly.ok ? 'ok' : rejectEarly.code).toBe('ORDER_STATE');
  expect(await snapshot(t)).toBe(before);

  // The resident rates it: the record goes to the queue with the rating; the month's done count moves.
  const counted = await counters();
  t.cloud.clock.advance(HOUR);
  const { order: rated } = await ok(t, RESIDENT, 'order', 'rate', {
    orderId: order._id,
    stars: 5,
    comment: '小伙子很热心',
  });
  expect(rated).toMatchObject({
    status: 'rated',
    rating: { stars: 5, comment: '小伙子很热心', by: 'resident', byName: '王大妈' },
  });
  expect(await counters()).toEqual({ month: counted.month + 1, all: counted.all + 1 });
  const waiting = await storedDoc(t, 'serviceRecords', record._id);
  expect(waiting).toMatchObject({ status: 'pending', rating: { stars: 5, by: 'resident' } });
  expect(waiting.pendingSince).toBeGreaterThanOrEqual(T0 + HOUR);
  const queue = await ok(t, STAFF, 'record', 'queue', {});
  expect(queue.items.find((item) => item.id === record._id)).toMatchObject({
    source: 'order',
    order: { id: order._id, kind: '生活帮扶' },
    rating: { stars: 5, comment: '小伙子很热心', by: 'resident' },
    minutes: 45,
  });

  // Staff stamp it: a line on the member's card.
  const confirmed = await ok(t, STAFF, 'record', 'confirm', { recordIds: [record._id] });
  expect(confirmed.confirmed).toBe(1);
  const card = await ok(t, MEMBER, 'card', 'get');
  expect(card.lines.items.find((line) => line.recordId === record._id)).toMatchObject({
    source: 'order',
    minutes: 45,
    what: '【生活帮扶】大米已经送到家里',
  });
});

test('markDone time rules: not in the future, one day, no overlap with the member’s other records, the daily cap', async () => {
  const order = await anOrder(t, TAKEN_EARLY);
  expect(await refused(MEMBER, 'markDone', doneInput(order._id, { endAt: T0 + HOUR }))).toBe('TIME_IN_FUTURE');
  expect(await refused(MEMBER, 'markDone', doneInput(order._id, { endAt: MORNING }))).toBe('END_BEFORE_START');
  expect(await refused(MEMBER, 'markDone', doneInput(order._id, { startAt: MORNING - DAY, endAt: MORNING }))).toBe(
    'INVALID_INPUT',
  );
  await insert(t.db, 'serviceRecords', aPending('r-overlap', MEMBER, MORNING - 2 * HOUR, 150));
  expect(await refused(MEMBER, 'markDone', doneInput(order._id))).toBe('TIME_OVERLAP');
  // 11.5 h already that day (00:00–07:00, 07:00–09:30, 10:00–12:00): 50 more minutes pass the 12 h cap.
  await insert(t.db, 'serviceRecords', aPending('r-long', MEMBER, Date.UTC(2026, 5, 9, 16, 0), 7 * 60));
  await insert(t.db, 'serviceRecords', aPending('r-long2', MEMBER, MORNING + 1 * HOUR, 120));
  expect(await refused(MEMBER, 'markDone', doneInput(order._id, { startAt: T0 - HOUR, endAt: T0 - 10 * MINUTE }))).toBe(
    'DAILY_CAP',
  );
  // A record awaiting a rating holds its time: another done request cannot overlap it (on 5 June, a quiet day).
  const quiet = Date.UTC(2026, 5, 5, 6, 0);
  const other = await anOrder(t, TAKEN_EARLY);
  await ok(
    t,
    MEMBER,
    'order',
    'markDone',
    doneInput(other._id, { startAt: quiet - 20 * MINUTE, endAt: quiet - 5 * MINUTE }),
  );
  const third = await anOrder(t, TAKEN_EARLY);
  expect(
    await refused(MEMBER, 'markDone', doneInput(third._id, { startAt: quiet - 15 * MINUTE, endAt: quiet - MINUTE })),
  ).toBe('TIME_OVERLAP');
});

test('markDone refuses a service that starts before the take, and takes one from the take’s minute on', async () => {
  // On 3 June (a quiet day), taken at 09:40:30 China time; the form names whole minutes, so 09:40 is the earliest start.
  const nine = Date.UTC(2026, 5, 3, 1, 0);
  const takenAt = nine + 40 * MINUTE + 30_000;
  const taken = { ...TAKEN, takenAt, updatedAt: takenAt };
  const order = await anOrder(t, taken);
  const input = (startAt: number) => doneInput(order._id, { startAt, endAt: startAt + 30 * MINUTE });
  expect(await refused(MEMBER, 'markDone', input(nine))).toBe('SERVICE_BEFORE_TAKE');
  expect(await refused(MEMBER, 'markDone', input(nine + 39 * MINUTE))).toBe('SERVICE_BEFORE_TAKE');
  // Hours claimed for the week before the take are refused just the same.
  expect(await refused(MEMBER, 'markDone', input(nine + 40 * MINUTE - 7 * DAY))).toBe('SERVICE_BEFORE_TAKE');
  expect(await call(t, MEMBER, 'order', 'markDone', input(nine))).toMatchObject({
    ok: false,
    message: '服务时间要在您领办之后，请检查开始时间',
  });
  await ok(t, MEMBER, 'order', 'markDone', input(nine + 40 * MINUTE));
  expect(await storedDoc(t, 'orders', order._id)).toMatchObject({ status: 'done', serviceStartAt: nine + 40 * MINUTE });
  // Days after the take is fine too.
  const later = await anOrder(t, taken);
  const twoDaysOn = nine + 2 * DAY;
  await ok(t, MEMBER, 'order', 'markDone', doneInput(later._id, { startAt: twoDaysOn, endAt: twoDaysOn + HOUR }));
});

test('markDone refusals: not the taker, wrong state, bad input, someone else’s photo', async () => {
  const order = await anOrder(t, TAKEN_EARLY);
  const published = await anOrder(t, { status: 'published', publishedAt: T0 - HOUR });
  const at = { startAt: Date.UTC(2026, 5, 8, 1, 0), endAt: Date.UTC(2026, 5, 8, 2, 0) };
  expect(await refused('member-2', 'markDone', doneInput(order._id, at))).toBe('NOT_TAKER');
  expect(await refused(MEMBER, 'markDone', doneInput(published._id, at))).toBe('NOT_TAKER');
  expect(await refused(RESIDENT, 'markDone', doneInput(order._id, at))).toBe('NOT_REGISTERED');
  expect(await refused(MEMBER, 'markDone', doneInput('nope', at))).toBe('ORDER_NOT_FOUND');
  expect(await refused(MEMBER, 'markDone', doneInput(order._id, { ...at, note: '' }))).toBe('INVALID_INPUT');
  const photos = Array.from({ length: 10 }, (_, i) => `cloud://x/${i}.png`);
  expect(await refused(MEMBER, 'markDone', doneInput(order._id, { ...at, photos }))).toBe('INVALID_INPUT');
  const theirs = await upload(t, 'member-2');
  expect(await refused(MEMBER, 'markDone', doneInput(order._id, { ...at, photos: [theirs] }))).toBe('PHOTO_INVALID');
  const done = await anOrder(t, { ...TAKEN_EARLY, status: 'done', doneAt: T0 });
  expect(await refused(MEMBER, 'markDone', doneInput(done._id, at))).toBe('ORDER_STATE');
});

test('rate refusals: not the resident, not done yet, already rated, bad stars', async () => {
  const taken = await anOrder(t, TAKEN_EARLY);
  const done = await anOrder(t, { ...TAKEN_EARLY, status: 'done', doneAt: T0 });
  const rating = { stars: 4, comment: '很好' };
  expect(await refused(MEMBER, 'rate', { orderId: done._id, ...rating })).toBe('NOT_RESIDENT');
  expect(await refused(STAFF, 'rate', { orderId: done._id, ...rating })).toBe('NOT_RESIDENT');
  expect(await refused(RESIDENT, 'rate', { orderId: taken._id, ...rating })).toBe('ORDER_STATE');
  expect(await refused(RESIDENT, 'rate', { orderId: done._id, stars: 0, comment: '' })).toBe('INVALID_INPUT');
  expect(await refused(RESIDENT, 'rate', { orderId: done._id, stars: 6, comment: '' })).toBe('INVALID_INPUT');
  expect(await refused(RESIDENT, 'rate', { orderId: done._id, stars: 4.5, comment: '' })).toBe('INVALID_INPUT');
  expect(await refused(RESIDENT, 'rate', { orderId: 'nope', ...rating })).toBe('ORDER_NOT_FOUND');
  const forSomeoneElse = await anOrder(t, {
    ...TAKEN_EARLY,
    status: 'done',
    doneAt: T0,
    residentId: null,
    onBehalf: { staffId: STAFF, staffName: '李社工' },
  });
  expect(await refused(RESIDENT, 'rate', { orderId: forSomeoneElse._id, ...rating })).toBe('NOT_RESIDENT');
  await ok(t, RESIDENT, 'order', 'rate', { orderId: done._id, ...rating });
  expect(await refused(RESIDENT, 'rate', { orderId: done._id, ...rating })).toBe('ORDER_STATE');
});

test('staff confirm a request done for a resident without a smartphone: recorded as theirs, audited, queued', async () => {
  const order = await anOrder(t, {
    ...TAKEN_EARLY,
    residentId: null,
    onBehalf: { staffId: STAFF, staffName: '李社工' },
  });
  const at = { startAt: Date.UTC(2026, 5, 7, 1, 0), endAt: Date.UTC(2026, 5, 7, 2, 30) };
  await ok(t, MEMBER, 'order', 'markDone', doneInput(order._id, at));
  expect(await refused(STAFF_C02, 'confirmDone', { orderId: order._id, stars: null, comment: '' })).toBe(
    'ORDER_NOT_FOUND',
  );
  expect(await refused(MEMBER, 'confirmDone', { orderId: order._id, stars: null, comment: '' })).toBe('FORBIDDEN');
  expect(await refused(STAFF, 'confirmDone', { orderId: order._id, stars: 9, comment: '' })).toBe('INVALID_INPUT');
  const counted = await counters();
  const { order: confirmed } = await ok(t, STAFF, 'order', 'confirmDone', {
    orderId: order._id,
    stars: null,
    comment: '电话回访，老人说办好了',
  });
  expect(confirmed).toMatchObject({
    status: 'rated',
    rating: { stars: null, comment: '电话回访，老人说办好了', by: 'staff', byName: '李社工' },
  });
  expect(await counters()).toEqual({ month: counted.month + 1, all: counted.all + 1 });
  const recordId = (await storedDoc(t, 'orders', order._id)).recordId;
  expect(await storedDoc(t, 'serviceRecords', recordId)).toMatchObject({
    status: 'pending',
    minutes: 90,
    rating: { by: 'staff', stars: null },
  });
  expect((await auditOf(t, order._id)).map((entry) => entry.action)).toContain('order.confirmDone');
  expect(await refused(STAFF, 'confirmDone', { orderId: order._id, stars: null, comment: '' })).toBe('ORDER_STATE');
  // A request still being done cannot be confirmed.
  const taken = await anOrder(t, TAKEN_EARLY);
  expect(await refused(STAFF, 'confirmDone', { orderId: taken._id, stars: 3, comment: '' })).toBe('ORDER_STATE');
});

test('the resident hears nothing of a done request when they did not subscribe', async () => {
  const order = await anOrder(t, TAKEN_EARLY);
  const sent = messagesTo(t, RESIDENT, 'orderDone').length;
  const at = { startAt: Date.UTC(2026, 5, 6, 1, 0), endAt: Date.UTC(2026, 5, 6, 2, 0) };
  await ok(t, MEMBER, 'order', 'markDone', doneInput(order._id, at));
  expect(messagesTo(t, RESIDENT, 'orderDone')).toHaveLength(sent);
});

test('the resident rates while staff confirm it for them: one of the two finishes it, counted once', async () => {
  const order = await anOrder(t, TAKEN_EARLY);
  const at = { startAt: Date.UTC(2026, 5, 4, 1, 0), endAt: Date.UTC(2026, 5, 4, 2, 0) };
  await ok(t, MEMBER, 'order', 'markDone', doneInput(order._id, at));
  const counted = await counters();
  const results = await Promise.all([
    call(t, RESIDENT, 'order', 'rate', { orderId: order._id, stars: 4, comment: '挺好' }),
    call(t, STAFF, 'order', 'confirmDone', { orderId: order._id, stars: null, comment: '电话回访' }),
  ]);
  expect(results.filter((result) => result.ok)).toHaveLength(1);
  expect(results.filter((result) => !result.ok).map((result) => (result.ok ? '' : result.code))).toEqual([
    'ORDER_STATE',
  ]);
  expect(await counters()).toEqual({ month: counted.month + 1, all: counted.all + 1 });
  const stored = await storedDoc(t, 'orders', order._id);
  expect(stored.status).toBe('rated');
  expect((await storedDoc(t, 'serviceRecords', stored.recordId)).rating).toEqual(stored.rating);
});
