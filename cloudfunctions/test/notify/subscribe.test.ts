import type { TestCloud } from 'wx-local-cloud/testing';
import { SUBSCRIPTION_COUNT_MAX } from '../../../types';
import { insert } from '../fixtures';
import { call, ok, seedCounty, snapshot, startFunctionsCloud, storedDoc } from '../helpers';

let t: TestCloud;
beforeAll(async () => {
  t = await startFunctionsCloud();
  await seedCounty(t);
});
afterAll(() => t.close());

const NONE = { orderTaken: 0, orderDone: 0, recordDecided: 0, dailyDigest: 0 };

test('anyone signed in starts with no grants; each accepted message adds one, a key named twice counts once', async () => {
  expect(await ok(t, 'resident-a', 'notify', 'mine')).toEqual({ counts: NONE });
  expect(await ok(t, 'resident-a', 'notify', 'subscribe', { accepted: ['orderTaken', 'orderDone'] })).toEqual({
    counts: { ...NONE, orderTaken: 1, orderDone: 1 },
  });
  expect(await ok(t, 'resident-a', 'notify', 'subscribe', { accepted: ['orderTaken', 'orderTaken'] })).toEqual({
    counts: { ...NONE, orderTaken: 2, orderDone: 1 },
  });
  expect(await ok(t, 'resident-a', 'notify', 'mine')).toEqual({ counts: { ...NONE, orderTaken: 2, orderDone: 1 } });
  expect(await storedDoc(t, 'subscriptions', 'resident-a_orderTaken')).toMatchObject({
    openid: 'resident-a',
    key: 'orderTaken',
    count: 2,
  });
  // Another person's grants are theirs alone.
  expect(await ok(t, 'resident-b', 'notify', 'mine')).toEqual({ counts: NONE });
  // An empty prompt (everything declined) changes nothing and still answers the counts.
  const before = await snapshot(t, ['subscriptions']);
  expect(await ok(t, 'resident-a', 'notify', 'subscribe', { accepted: [] })).toEqual({
    counts: { ...NONE, orderTaken: 2, orderDone: 1 },
  });
  expect(await snapshot(t, ['subscriptions'])).toBe(before);
});

test(`grants stop at ${SUBSCRIPTION_COUNT_MAX}`, async () => {
  await insert(t.db, 'subscriptions', {
    _id: 'staff-C01_dailyDigest',
    openid: 'staff-C01',
    key: 'dailyDigest',
    count: SUBSCRIPTION_COUNT_MAX - 1,
    updatedAt: 0,
  });
  const first = await ok(t, 'staff-C01', 'notify', 'subscribe', { accepted: ['dailyDigest', 'recordDecided'] });
  expect(first.counts).toEqual({ ...NONE, dailyDigest: SUBSCRIPTION_COUNT_MAX, recordDecided: 1 });
  const second = await ok(t, 'staff-C01', 'notify', 'subscribe', { accepted: ['dailyDigest'] });
  expect(second.counts.dailyDigest).toBe(SUBSCRIPTION_COUNT_MAX);
  expect((await storedDoc(t, 'subscriptions', 'staff-C01_dailyDigest')).count).toBe(SUBSCRIPTION_COUNT_MAX);
});

test('twenty prompts accepted at once all count (one transaction each)', async () => {
  await Promise.all(
    Array.from({ length: 20 }, () => ok(t, 'resident-c', 'notify', 'subscribe', { accepted: ['orderDone'] })),
  );
  expect((await ok(t, 'resident-c', 'notify', 'mine')).counts.orderDone).toBe(20);
});

test.each([
  ['an unknown key', { accepted: ['orderTaken', 'everything'] }],
  ['not a list', { accepted: 'orderTaken' }],
  ['no list', {}],
  ['more keys than there are', { accepted: ['orderTaken', 'orderDone', 'recordDecided', 'dailyDigest', 'orderDone'] }],
  ['a number for a key', { accepted: [3] }],
  ['an unknown field', { accepted: ['orderTaken'], openid: 'someone-else' }],
])('%s is refused and changes nothing', async (_name, data) => {
  const before = await snapshot(t);
  const result = await call(t, 'resident-a', 'notify', 'subscribe', data);
  expect(result).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
  expect(await snapshot(t)).toBe(before);
});

test('mine takes no input', async () => {
  expect(await call(t, 'resident-a', 'notify', 'mine', { key: 'orderTaken' })).toMatchObject({
    ok: false,
    code: 'INVALID_INPUT',
  });
});
