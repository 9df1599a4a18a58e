import type { TestCloud } from 'wx-local-cloud/testing';
import { SUBSCRIBE_TEMPLATES } from '../../../domain/subscribe-templates';
import { insert } from '../fixtures';
import { ok, storedDoc } from '../helpers';
import {
  DAY,
  HOUR,
  MORNING,
  T0,
  aPending,
  anActivity,
  anAttendance,
  memberOnPost,
  reported,
  startRecordCloud,
  withPost,
} from '../record/setup';
import { anOrder, expectFieldsFitWeChat, messagesTo, subscribed } from './setup';

let t: TestCloud;
beforeAll(async () => {
  t = await startRecordCloud();
  await withPost(t);
  for (const member of ['m-quiet', 'm-yes', 'm-no', 'm-batch', 'm-other', 'm-order', 'm-act'])
    await memberOnPost(t, member);
});
afterAll(() => t.close());

/** 14:00 on 10 June 2026, China time: when staff decide (the record tests' clock). */
const DECIDED_AT = '2026年6月10日 14:00';
const template = SUBSCRIBE_TEMPLATES.recordDecided;

test('a member who did not subscribe gets nothing when their record is confirmed', async () => {
  const id = await reported(t, 'm-quiet', MORNING, 60);
  await ok(t, 'staff-C01', 'record', 'confirm', { recordIds: [id] });
  expect(t.cloud.outbox.list('m-quiet')).toEqual([]);
});

test('a subscribed member is told of the confirmation once: the grant is used, the next decision sends nothing', async () => {
  await subscribed(t, 'm-yes', 'recordDecided');
  const first = await reported(t, 'm-yes', MORNING, 90);
  const second = await reported(t, 'm-yes', MORNING - 3 * HOUR, 30);
  await ok(t, 'staff-C01', 'record', 'confirm', { recordIds: [first] });
  const [message, ...more] = messagesTo(t, 'm-yes', 'recordDecided');
  expect(more).toEqual([]);
  expect(message).toMatchObject({
    touser: 'm-yes',
    templateId: template.templateId,
    page: template.page,
    fromFunction: 'record',
    data: {
      [template.fields.what]: { value: '环境维护岗' },
      [template.fields.result]: { value: '已认定' },
      [template.fields.note]: { value: '计入1.5小时' },
      [template.fields.decidedAt]: { value: DECIDED_AT },
    },
  });
  expect((await storedDoc(t, 'subscriptions', 'm-yes_recordDecided')).count).toBe(0);
  expect((await ok(t, 'm-yes', 'notify', 'mine')).counts.recordDecided).toBe(0);

  await ok(t, 'staff-C01', 'record', 'reject', { recordId: second, reason: '照片看不清楚，请补一张' });
  expect(messagesTo(t, 'm-yes', 'recordDecided')).toHaveLength(1);
});

test('a rejection tells the subscribed member why', async () => {
  await subscribed(t, 'm-no', 'recordDecided');
  const id = await reported(t, 'm-no', MORNING, 60);
  const reason = '这段时间您已记录了另一项服务，请核对后重新提交，谢谢您的理解';
  await ok(t, 'staff-C01', 'record', 'reject', { recordId: id, reason });
  const messages = messagesTo(t, 'm-no', 'recordDecided');
  expect(messages).toHaveLength(1);
  expect(messages[0].data[template.fields.result].value).toBe('未通过');
  expect(messages[0].data[template.fields.what].value).toBe('环境维护岗');
  // The reason, cut to what the template's field takes.
  const note = messages[0].data[template.fields.note].value;
  expect([...note].length).toBeLessThanOrEqual(20);
  expect(reason.startsWith(note.replace(/…$/, ''))).toBe(true);
  expect(messages[0].data[template.fields.decidedAt].value).toBe(DECIDED_AT);
});

test('a batch of three records of one member sends them one message (one grant), and others theirs', async () => {
  await subscribed(t, 'm-batch', 'recordDecided', 3);
  await subscribed(t, 'm-other', 'recordDecided');
  await insert(
    t.db,
    'serviceRecords',
    aPending('b1', 'm-batch', MORNING - 24 * HOUR, 60),
    aPending('b2', 'm-batch', MORNING - 48 * HOUR, 30),
    aPending('b3', 'm-batch', MORNING - 72 * HOUR, 30),
    aPending('o1', 'm-other', MORNING - 24 * HOUR, 45),
  );
  const result = await ok(t, 'staff-C01', 'record', 'confirm', { recordIds: ['b1', 'b2', 'b3', 'o1'] });
  expect(result.confirmed).toBe(4);
  const mine = messagesTo(t, 'm-batch', 'recordDecided');
  expect(mine).toHaveLength(1);
  expect(mine[0].data).toMatchObject({
    [template.fields.what]: { value: '环境维护岗等3条' },
    [template.fields.result]: { value: '已认定' },
    [template.fields.note]: { value: '计入2小时' },
  });
  expect((await storedDoc(t, 'subscriptions', 'm-batch_recordDecided')).count).toBe(2);
  expect(messagesTo(t, 'm-other', 'recordDecided')).toHaveLength(1);
  expect(messagesTo(t, 'm-other', 'recordDecided')[0].data[template.fields.note].value).toBe('计入0.8小时');
});

test("the message names a request's kind for a request's record, an activity's title for an attendance", async () => {
  await subscribed(t, 'm-order', 'recordDecided');
  await subscribed(t, 'm-act', 'recordDecided');
  const activity = anActivity({ _id: 'A-notify', title: '东街口义务理发' });
  await insert(t.db, 'activities', activity);
  await insert(t.db, 'orders', anOrder('o-fixed', MORNING - 2 * DAY, { status: 'rated', kind: '维修' }));
  await insert(
    t.db,
    'serviceRecords',
    aPending('or1', 'm-order', MORNING - DAY, 40, { source: 'order', postId: null, orderId: 'o-fixed' }),
    { ...anAttendance('m-act', activity, MORNING), status: 'pending' as const, minutes: 120, creditMinutes: 120 },
  );
  await ok(t, 'staff-C01', 'record', 'confirm', { recordIds: ['or1', `att-A-notify-m-act`] });
  expect(messagesTo(t, 'm-order', 'recordDecided')[0].data[template.fields.what].value).toBe('维修');
  expect(messagesTo(t, 'm-act', 'recordDecided')[0].data[template.fields.what].value).toBe('东街口义务理发');
  expect(messagesTo(t, 'm-act', 'recordDecided')[0].data[template.fields.note].value).toBe('计入2小时');
});

test('a refused confirmation sends nothing and uses no grant', async () => {
  await subscribed(t, 'm-yes', 'recordDecided');
  const sentBefore = t.cloud.outbox.list().length;
  const result = await t.cloud.invoke(
    'record',
    { action: 'confirm', data: { recordIds: ['b1'] } },
    { openid: 'staff-C01' },
  );
  expect(result.outcome).toMatchObject({ ok: true, result: { ok: false, code: 'ALREADY_STAMPED' } });
  expect(t.cloud.outbox.list()).toHaveLength(sentBefore);
  expect((await storedDoc(t, 'subscriptions', 'm-yes_recordDecided')).count).toBe(1);
});

test('every message sent fits the template fields WeChat accepts', () => {
  expect(t.cloud.outbox.list().length).toBeGreaterThan(0);
  expectFieldsFitWeChat(t);
  expect(T0).toBeGreaterThan(MORNING);
});
