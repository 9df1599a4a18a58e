import type { TestCloud } from 'wx-local-cloud/testing';
import { aPending } from '../record/setup';
import { insert } from '../fixtures';
import { auditOf, call, ok, snapshot, storedDoc } from '../helpers';
import {
  MEMBER,
  PUBLISHED,
  RESIDENT,
  STAFF,
  T0,
  TAKEN,
  aResident,
  about,
  orderInput,
  anOrder,
  profileInput,
  expectRefusedUnchanged,
  useOrderCloud,
} from './setup';

let t: TestCloud;
useOrderCloud((cloud) => (t = cloud));

describe('order.getProfile / saveProfile', () => {
  test('a new resident has no profile; they give one with a typed phone and see it in full', async () => {
    expect(await ok(t, 'res-new', 'order', 'getProfile')).toEqual({ profile: null });
    const { profile } = await ok(t, 'res-new', 'order', 'saveProfile', profileInput({ name: '  张阿姨 ' }));
    const expected = {
      ...profileInput({ name: '张阿姨' }),
      community: { id: 'C01', name: '东街社区', street: expect.any(String) },
      updatedAt: about(T0),
    };
    expect(profile).toEqual(expected);
    expect(await ok(t, 'res-new', 'order', 'getProfile')).toEqual({ profile: expected });
    expect(await storedDoc(t, 'residents', 'res-new')).toMatchObject({
      name: '张阿姨',
      createdAt: about(T0),
      updatedAt: about(T0),
    });
  });

  test('the phone button: its code becomes the number; a code WeChat refuses is PHONE_CODE_INVALID', async () => {
    const { phone: _typed, ...noPhone } = profileInput();
    const { profile } = await ok(t, 'res-code', 'order', 'saveProfile', { ...noPhone, phoneCode: '13700007777' });
    expect(profile.phone).toBe('13700007777');
    await expectRefusedUnchanged(
      t,
      'res-code',
      'saveProfile',
      { ...noPhone, phoneCode: 'not-a-code' },
      'PHONE_CODE_INVALID',
    );
  });

  test('a correction keeps when it was first given and moves updatedAt', async () => {
    t.cloud.clock.setTime(T0 + 60_000);
    const { profile } = await ok(t, RESIDENT, 'order', 'saveProfile', profileInput({ room: '502' }));
    expect(profile).toMatchObject({ room: '502', updatedAt: about(T0 + 60_000) });
    expect(await storedDoc(t, 'residents', RESIDENT)).toMatchObject({
      room: '502',
      createdAt: aResident().createdAt,
      updatedAt: about(T0 + 60_000),
    });
    await ok(t, RESIDENT, 'order', 'saveProfile', profileInput());
    t.cloud.clock.setTime(T0);
  });

  test('bad input, an unknown community or no phone at all is refused, changing nothing', async () => {
    await expectRefusedUnchanged(
      t,
      'res-bad',
      'saveProfile',
      profileInput({ communityId: 'C99' }),
      'COMMUNITY_NOT_FOUND',
    );
    await expectRefusedUnchanged(t, 'res-bad', 'saveProfile', profileInput({ phone: '12345' }), 'INVALID_INPUT');
    await expectRefusedUnchanged(t, 'res-bad', 'saveProfile', profileInput({ name: '' }), 'INVALID_INPUT');
    await expectRefusedUnchanged(t, 'res-bad', 'saveProfile', profileInput({ room: '' }), 'INVALID_INPUT');
    const { phone: _typed, ...noPhone } = profileInput();
    await expectRefusedUnchanged(t, 'res-bad', 'saveProfile', noPhone, 'INVALID_INPUT');
    await expectRefusedUnchanged(t, 'res-bad', 'saveProfile', { ...profileInput(), extra: 1 }, 'INVALID_INPUT');
  });
});

describe('order.deleteProfile', () => {
  test('without confirm: true it is refused, changing nothing', async () => {
    await expectRefusedUnchanged(t, RESIDENT, 'deleteProfile', {}, 'CONFIRMATION_NEEDED');
    await expectRefusedUnchanged(t, RESIDENT, 'deleteProfile', { confirm: false }, 'CONFIRMATION_NEEDED');
  });

  test('open requests are cancelled, done and finished ones anonymised; every contact goes; the counts stay', async () => {
    const who = 'res-leaving';
    await insert(t.db, 'residents', aResident({ _id: who }));
    const submitted = await anOrder(t, { residentId: who });
    const published = await anOrder(t, { residentId: who, ...PUBLISHED });
    const taken = await anOrder(t, { residentId: who, ...TAKEN });
    const record = aPending('rec-leaving', MEMBER, T0 - 3 * 3_600_000, 60, {
      source: 'order',
      postId: null,
      status: 'awaitingRating',
      pendingSince: T0 - 3_600_000,
    });
    const done = await anOrder(t, {
      residentId: who,
      ...TAKEN,
      status: 'done',
      doneAt: T0 - 3_600_000,
      doneNote: '已经送到',
      recordId: record._id,
    });
    await insert(t.db, 'serviceRecords', { ...record, orderId: done._id });
    const rating = { stars: 5, comment: '谢谢', by: 'resident' as const, byName: '王大妈', at: T0 - 60_000 };
    const rated = await anOrder(t, { residentId: who, ...TAKEN, status: 'rated', rating });
    const rejected = await anOrder(t, { residentId: who, status: 'rejected', rejectReason: '不属于服务范围' });
    const others = await anOrder(t, { ...PUBLISHED });
    const countsBefore = await snapshot(t, ['tallies']);

    t.cloud.clock.setTime(T0 + 60_000);
    expect(await ok(t, who, 'order', 'deleteProfile', { confirm: true })).toEqual({ cancelled: 3, anonymised: 3 });

    expect(await storedDoc(t, 'residents', who)).toBeNull();
    for (const order of [submitted, published, taken]) {
      expect(await storedDoc(t, 'orders', order._id)).toMatchObject({
        status: 'cancelled',
        cancelledAt: about(T0 + 60_000),
        residentId: null,
      });
    }
    // The taker sees theirs was withdrawn: still named on it, cancelled.
    expect(await storedDoc(t, 'orders', taken._id)).toMatchObject({ takerId: MEMBER, status: 'cancelled' });
    expect(await storedDoc(t, 'orders', done._id)).toMatchObject({ status: 'done', residentId: null });
    expect(await storedDoc(t, 'serviceRecords', record._id)).toMatchObject({
      status: 'pending',
      rating: null,
      pendingSince: about(T0 + 60_000),
    });
    expect(await storedDoc(t, 'orders', rated._id)).toMatchObject({ status: 'rated', rating, residentId: null });
    expect(await storedDoc(t, 'orders', rejected._id)).toMatchObject({ status: 'rejected', residentId: null });
    for (const order of [submitted, published, taken, done, rated, rejected]) {
      expect(await storedDoc(t, 'orderContacts', order._id)).toBeNull();
    }
    // Someone else's request keeps its resident and contact; the counters did not move.
    expect(await storedDoc(t, 'orders', others._id)).toMatchObject({ residentId: RESIDENT, status: 'published' });
    expect(await storedDoc(t, 'orderContacts', others._id)).not.toBeNull();
    expect(await snapshot(t, ['tallies'])).toBe(countsBefore);

    // Logged under an anonymous id, nothing that names the person.
    const { data: logs } = await t.db.collection('auditLogs').where({ action: 'resident.deleteData' }).get();
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatchObject({ actorId: expect.stringMatching(/^anon-/), detail: { communityId: 'C01' } });
    expect(logs[0].targetId).toBe(logs[0].actorId);
    expect(JSON.stringify(logs[0])).not.toContain(who);
    expect(await auditOf(t, who)).toEqual([]);

    // Nothing is theirs any more: their list is empty, their profile gone, a new request needs a new profile.
    expect(await ok(t, who, 'order', 'listMine')).toEqual({ items: [], next: null });
    expect(await ok(t, who, 'order', 'getProfile')).toEqual({ profile: null });
    // Deleting again finds nothing to delete.
    expect(await ok(t, who, 'order', 'deleteProfile', { confirm: true })).toEqual({ cancelled: 0, anonymised: 0 });
    t.cloud.clock.setTime(T0);
  });

  test("the grants for a request's messages go with the profile; a member's grants stay", async () => {
    const who = 'res-leaving-3';
    await insert(t.db, 'residents', aResident({ _id: who }));
    await ok(t, who, 'notify', 'subscribe', { accepted: ['orderTaken', 'orderDone', 'recordDecided'] });
    await ok(t, who, 'order', 'deleteProfile', { confirm: true });
    expect((await ok(t, who, 'notify', 'mine')).counts).toEqual({
      orderTaken: 0,
      orderDone: 0,
      recordDecided: 1,
      dailyDigest: 0,
    });
    expect(await storedDoc(t, 'subscriptions', `${who}_orderTaken`)).toBeNull();
  });

  test('staff still see the withdrawn request, without a contact', async () => {
    const who = 'res-leaving-2';
    await insert(t.db, 'residents', aResident({ _id: who }));
    const order = await anOrder(t, { residentId: who, ...PUBLISHED });
    await ok(t, who, 'order', 'deleteProfile', { confirm: true });
    const { order: detail } = await ok(t, STAFF, 'order', 'get', { orderId: order._id });
    expect(detail).toMatchObject({ status: 'cancelled', contact: null, mine: false });
  });

  test('posting while the profile is deleted: no request keeps the resident or a contact afterwards', async () => {
    const who = 'res-racing';
    await insert(t.db, 'residents', aResident({ _id: who }));
    const posts = Array.from({ length: 5 }, () => call(t, who, 'order', 'post', orderInput()));
    const [deleted, ...posted] = await Promise.all([ok(t, who, 'order', 'deleteProfile', { confirm: true }), ...posts]);
    const made = posted.filter((result) => result.ok).length;
    for (const result of posted) if (!result.ok) expect(result.code).toBe('PROFILE_NEEDED');
    // What was posted before the deletion was cancelled by it.
    expect(deleted.cancelled).toBe(made);
    expect(await storedDoc(t, 'residents', who)).toBeNull();
    const { data: still } = await t.db.collection('orders').where({ residentId: who }).get();
    expect(still).toEqual([]);
    for (const result of posted) {
      if (result.ok) expect(await storedDoc(t, 'orderContacts', result.data.order.id)).toBeNull();
    }
  });
});
