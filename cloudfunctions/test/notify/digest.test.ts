import type { TestCloud } from 'wx-local-cloud/testing';
import { SUBSCRIBE_TEMPLATES } from '../../../domain/subscribe-templates';
import { aUser, insert } from '../fixtures';
import { call, snapshot, storedDoc } from '../helpers';
import { DAY, HOUR, MORNING, T0, aPending, memberOnPost, startRecordCloud, withPost } from '../record/setup';
import { anOrder, expectFieldsFitWeChat, messagesTo, subscribed } from './setup';

let t: TestCloud;
beforeAll(async () => {
  t = await startRecordCloud();
  await withPost(t);
  await memberOnPost(t, 'm-sub');
  await insert(
    t.db,
    'users',
    aUser({ _id: 'staff3-C01', name: '郑社工', grants: [{ role: 'staff', communityId: 'C01' }] }),
    aUser({ _id: 'staff2-C02', name: '何社工', grants: [{ role: 'staff', communityId: 'C02' }] }),
  );
  // C01 has two records in the stamp queue, a request to review, one published and untaken for 49 h, one taken and
  // past its wanted time, and requests that wait for no one (fresh, taken in time, done, rejected, cancelled).
  await insert(
    t.db,
    'serviceRecords',
    aPending('r1', 'm-sub', MORNING - DAY, 60),
    aPending('r2', 'm-sub', MORNING - 2 * DAY, 30),
    // Another community's queue does not count for C01.
    aPending('r3', 'm-sub', MORNING - 3 * DAY, 30, { communityId: 'C03' }),
  );
  await insert(
    t.db,
    'orders',
    anOrder('o-submitted', T0 - HOUR),
    anOrder('o-untaken', T0 - 50 * HOUR, { status: 'published', publishedAt: T0 - 49 * HOUR }),
    anOrder('o-late', T0 - 3 * DAY, {
      status: 'taken',
      publishedAt: T0 - 3 * DAY,
      takenAt: T0 - 2 * DAY,
      wantedBy: T0 - HOUR,
    }),
    anOrder('o-fresh', T0 - 5 * HOUR, { status: 'published', publishedAt: T0 - 5 * HOUR }),
    anOrder('o-in-time', T0 - DAY, { status: 'taken', publishedAt: T0 - DAY, wantedBy: T0 + DAY }),
    anOrder('o-done', T0 - 4 * DAY, { status: 'done', wantedBy: T0 - DAY }),
    anOrder('o-rejected', T0 - 4 * DAY, { status: 'rejected' }),
    anOrder('o-cancelled', T0 - 4 * DAY, { status: 'cancelled' }),
    // C02 has only a fresh published request: nothing waits for its staff.
    anOrder('o-c02', T0 - HOUR, { communityId: 'C02', status: 'published', publishedAt: T0 - HOUR }),
  );
  // Subscribed: both staff of C01, one of C02, and a member (not staff: never sent a digest). staff3-C01 did not.
  await subscribed(t, 'staff-C01', 'dailyDigest', 2);
  await subscribed(t, 'staff2-C01', 'dailyDigest');
  await subscribed(t, 'staff-C02', 'dailyDigest');
  await subscribed(t, 'm-sub', 'dailyDigest');
  // A grant used up stays as a document with count 0: never read as a subscriber.
  await insert(t.db, 'subscriptions', {
    _id: 'staff2-C02_dailyDigest',
    openid: 'staff2-C02',
    key: 'dailyDigest',
    count: 0,
    updatedAt: 0,
  });
});
afterAll(() => t.close());

const template = SUBSCRIBE_TEMPLATES.dailyDigest;
const timerEvent = (at: number) => ({ Type: 'Timer', TriggerName: 'dailyDigest', Time: new Date(at).toISOString() });
/** 09:00 China time on 11 June 2026, the morning after the records' T0. */
const NINE = Date.UTC(2026, 5, 11, 1, 0);

test('a signed-in caller sending the timer event does not run the digest, and changes nothing', async () => {
  t.cloud.clock.setTime(NINE);
  const before = await snapshot(t);
  const sent = t.cloud.outbox.list().length;
  for (const openid of ['staff-C01', 'm-sub']) {
    const { outcome } = await t.cloud.invoke('notify', timerEvent(NINE), { openid });
    expect(outcome).toMatchObject({ ok: true, result: { ok: false, code: 'INVALID_INPUT' } });
  }
  // As an action it is unknown.
  expect(await call(t, 'staff-C01', 'notify', 'dailyDigest' as 'mine', {})).toMatchObject({
    ok: false,
    code: 'UNKNOWN_ACTION',
  });
  // A timer of another name is not this one either.
  const { outcome } = await t.cloud.invoke('notify', { ...timerEvent(NINE), TriggerName: 'hourly' }, {});
  expect(outcome).toMatchObject({ ok: true, result: { ok: false } });
  expect(await snapshot(t)).toBe(before);
  expect(t.cloud.outbox.list()).toHaveLength(sent);
});

test('the timer sends one digest to each subscribed staff member whose community has items waiting', async () => {
  t.cloud.clock.setTime(NINE);
  const { outcome } = await t.cloud.invoke('notify', timerEvent(NINE), {});
  expect(outcome).toMatchObject({ ok: true, result: { ok: true, data: { sent: 2, staff: 3 } } });

  for (const staff of ['staff-C01', 'staff2-C01']) {
    const messages = messagesTo(t, staff, 'dailyDigest');
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({
      templateId: template.templateId,
      page: template.page,
      fromFunction: 'notify',
      data: {
        [template.fields.community]: { value: '东街社区' },
        [template.fields.pending]: { value: '5' },
        [template.fields.detail]: { value: '待认定2条，待审核1条，超时未办2条' },
        [template.fields.date]: { value: '2026年6月11日' },
      },
    });
  }
  // Nothing waits in C02; a member is not staff; staff3 did not subscribe; staff2-C02's grant is used up.
  for (const openid of ['staff-C02', 'm-sub', 'staff3-C01', 'staff2-C02'])
    expect(t.cloud.outbox.list(openid)).toEqual([]);
  // One grant used for each message sent; the others kept for a day with something to say.
  expect((await storedDoc(t, 'subscriptions', 'staff-C01_dailyDigest')).count).toBe(1);
  expect((await storedDoc(t, 'subscriptions', 'staff2-C01_dailyDigest')).count).toBe(0);
  expect((await storedDoc(t, 'subscriptions', 'staff-C02_dailyDigest')).count).toBe(1);
  expect((await storedDoc(t, 'subscriptions', 'm-sub_dailyDigest')).count).toBe(1);
  expectFieldsFitWeChat(t);
});

test('the next morning only the staff member with a grant left is sent one', async () => {
  t.cloud.clock.setTime(NINE + DAY);
  const { outcome } = await t.cloud.invoke('notify', timerEvent(NINE + DAY), {});
  // staff2-C01 has used their grant: two staff members still subscribed (staff-C01, staff-C02), one message.
  expect(outcome).toMatchObject({ ok: true, result: { ok: true, data: { sent: 1, staff: 2 } } });
  const messages = messagesTo(t, 'staff-C01', 'dailyDigest');
  expect(messages).toHaveLength(2);
  expect(messages[1].data[template.fields.date].value).toBe('2026年6月12日');
  expect(messagesTo(t, 'staff2-C01', 'dailyDigest')).toHaveLength(1);
});

test("a request published and untaken for 48 h makes its community's staff a digest; used grants send nothing", async () => {
  await subscribed(t, 'staff2-C02', 'dailyDigest');
  // 68 h after C02's request was published; staff-C01 has used both grants.
  t.cloud.clock.setTime(NINE + 2 * DAY);
  const before = t.cloud.outbox.list().length;
  const { outcome } = await t.cloud.invoke('notify', timerEvent(NINE + 2 * DAY), {});
  expect(outcome).toMatchObject({ ok: true, result: { ok: true, data: { sent: 2, staff: 2 } } });
  const sentNow = t.cloud.outbox.list().slice(before);
  expect(sentNow.map((message) => message.touser).sort()).toEqual(['staff-C02', 'staff2-C02']);
  expect(sentNow[0].data).toMatchObject({
    [template.fields.community]: { value: '西街社区' },
    [template.fields.pending]: { value: '1' },
    [template.fields.detail]: { value: '超时未办1条' },
  });
  expect((await storedDoc(t, 'subscriptions', 'staff-C01_dailyDigest')).count).toBe(0);
  expectFieldsFitWeChat(t);
});
