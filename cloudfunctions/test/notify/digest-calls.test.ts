import type { TestCloud } from 'wx-local-cloud/testing';
import { aUser, insert } from '../fixtures';
import { DAY, MORNING, T0, aPending, startRecordCloud } from '../record/setup';
import { anOrder } from './setup';

let t: TestCloud;
beforeAll(async () => {
  t = await startRecordCloud();
});
afterAll(() => t.close());

const NINE = Date.UTC(2026, 5, 11, 1, 0);

/** `count` staff members of `communityId` (new ones), each holding `grants` daily-digest grants. */
async function subscribedStaff(communityId: string, from: number, count: number, grants: number) {
  const ids = Array.from({ length: count }, (_, i) => `staff-${communityId}-${from + i}`);
  await insert(
    t.db,
    'users',
    ...ids.map((id) => aUser({ _id: id, name: '社工', grants: [{ role: 'staff', communityId }] })),
  );
  await insert(
    t.db,
    'subscriptions',
    ...ids.map((id) => ({ _id: `${id}_dailyDigest`, openid: id, key: 'dailyDigest', count: grants, updatedAt: 0 })),
  );
}

async function run(at: number) {
  t.cloud.clock.setTime(at);
  const { outcome, calls } = await t.cloud.invoke(
    'notify',
    { Type: 'Timer', TriggerName: 'dailyDigest', Time: new Date(at).toISOString() },
    {},
  );
  if (!outcome.ok) throw new Error(outcome.errMsg);
  return { result: outcome.result, calls };
}

test('the digest reads each community once: its queries do not grow with the number of staff', async () => {
  await insert(t.db, 'serviceRecords', aPending('r1', 'm-x', MORNING - DAY, 60));
  await insert(t.db, 'orders', anOrder('o1', T0));
  await subscribedStaff('C01', 0, 1, 100);
  const one = await run(NINE);
  await subscribedStaff('C01', 1, 39, 100);
  await subscribedStaff('C02', 0, 10, 100);
  const fifty = await run(NINE + DAY);
  expect(one.result).toEqual({ ok: true, data: { sent: 1, staff: 1 } });
  expect(fifty.result).toEqual({ ok: true, data: { sent: 40, staff: 50 } });
  // Besides each message's own transaction (read the grant, take one, send): one read of the subscribers, one of
  // their users, one of the communities — whatever the number of staff; four counts per community.
  for (const [{ calls }, communities] of [
    [one, 1],
    [fifty, 2],
  ] as const) {
    const messages = calls['wx.openApi'];
    expect(calls['database.startTransaction']).toBe(messages);
    expect(calls['database.getDocument'] - messages).toBe(3);
    expect(calls['database.calculateDocument']).toBe(4 * communities);
  }
});
