import type { TestCloud } from 'wx-local-cloud/testing';
import { SUBSCRIBE_TEMPLATES } from '../../../domain/subscribe-templates';
import { insert } from '../fixtures';
import { DAY, MORNING, aPending, memberOnPost, startRecordCloud, withPost } from '../record/setup';
import { anOrder, expectFieldsFitWeChat, messagesTo, subscribed } from './setup';

let t: TestCloud;
beforeAll(async () => {
  t = await startRecordCloud();
  await withPost(t);
  await memberOnPost(t, 'm-a');
  await insert(t.db, 'serviceRecords', aPending('r1', 'm-a', MORNING - DAY, 60));
  await insert(t.db, 'orders', anOrder('o1', MORNING));
  await subscribed(t, 'staff-C01', 'dailyDigest', 3);
  await subscribed(t, 'staff2-C01', 'dailyDigest', 3);
  // Nothing waits in C02.
  await subscribed(t, 'staff-C02', 'dailyDigest', 3);
});
afterAll(() => t.close());

/** 08:59:50 China time on 11 June 2026. */
const BEFORE_NINE = Date.UTC(2026, 5, 11, 0, 59, 50);

test('the digest trigger fires on its schedule in the local cloud with a moved clock, once', async () => {
  const digestRuns = async () => (await t.cloud.triggers.tick()).filter((run) => run.functionName === 'notify');
  t.cloud.clock.setTime(BEFORE_NINE);
  expect(t.cloud.triggers.list().find((trigger) => trigger.functionName === 'notify')).toMatchObject({
    name: 'dailyDigest',
    cron: '0 0 9 * * * *',
    nextRun: '2026-06-11T01:00:00.000Z',
  });
  expect(await digestRuns()).toEqual([]);
  expect(t.cloud.outbox.list()).toEqual([]);

  t.cloud.clock.advance(20_000);
  const runs = await digestRuns();
  expect(runs).toHaveLength(1);
  expect(runs[0]).toMatchObject({
    triggerName: 'dailyDigest',
    scheduledAt: '2026-06-11T01:00:00.000Z',
    outcome: { ok: true, result: { ok: true, data: { sent: 2, staff: 3 } } },
  });
  for (const staff of ['staff-C01', 'staff2-C01']) {
    const messages = messagesTo(t, staff, 'dailyDigest');
    expect(messages).toHaveLength(1);
    expect(messages[0].data[SUBSCRIBE_TEMPLATES.dailyDigest.fields.detail].value).toBe('待认定1条，待审核1条');
    expect(messages[0].data[SUBSCRIBE_TEMPLATES.dailyDigest.fields.date].value).toBe('2026年6月11日');
  }
  expect(t.cloud.outbox.list('staff-C02')).toEqual([]);
  expect(t.cloud.outbox.list()).toHaveLength(2);
  expectFieldsFitWeChat(t);

  // The same minute again, and the rest of the morning: the run is not repeated.
  expect(await digestRuns()).toEqual([]);
  t.cloud.clock.advance(3 * 3_600_000);
  expect(await digestRuns()).toEqual([]);
  expect(t.cloud.outbox.list()).toHaveLength(2);

  // The next day at nine it runs again.
  t.cloud.clock.advance(DAY);
  expect(await digestRuns()).toHaveLength(1);
  expect(t.cloud.outbox.list()).toHaveLength(4);
});
