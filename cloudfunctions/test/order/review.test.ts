import type { TestCloud } from 'wx-local-cloud/testing';
import type { OrderDoc, OrderListFilter } from '../../../types';
import { auditOf, call, ok, snapshot, storedDoc } from '../helpers';
import {
  HOUR,
  MEMBER,
  PUBLISHED,
  RESIDENT,
  RESIDENT_PHONE,
  STAFF,
  STAFF2,
  STAFF_C02,
  T0,
  TAKEN,
  about,
  anOrder,
  expectRefusedUnchanged,
  useOrderCloud,
} from './setup';

let t: TestCloud;
useOrderCloud((cloud) => (t = cloud));

const rated: Partial<OrderDoc> = {
  ...TAKEN,
  status: 'rated',
  rating: { stars: 5, comment: '很好', by: 'resident', byName: '王大妈', at: T0 - HOUR },
};

describe('order.listForStaff', () => {
  test("staff list their community's requests by state: open ones oldest first, finished and closed newest first", async () => {
    const at = (hours: number) => ({ createdAt: T0 - hours * HOUR, updatedAt: T0 - hours * HOUR });
    const newer = await anOrder(t, at(1));
    const older = await anOrder(t, at(5));
    await anOrder(t, { ...at(3), communityId: 'C02' });
    const published = await anOrder(t, { ...PUBLISHED, ...at(2) });
    const taken = await anOrder(t, { ...TAKEN, ...at(2) });
    const done = await anOrder(t, { ...TAKEN, status: 'done', ...at(2) });
    const finished = await anOrder(t, { ...rated, ...at(2) });
    const rejected = await anOrder(t, { status: 'rejected', rejectReason: '不属于服务范围', ...at(4) });
    const merged = await anOrder(t, { status: 'merged', mergedInto: older._id, ...at(3) });
    const cancelled = await anOrder(t, { status: 'cancelled', cancelledAt: T0 - 2 * HOUR, ...at(2) });

    const list = async (filter: OrderListFilter, limit = 20) =>
      ok(t, STAFF, 'order', 'listForStaff', { filter, limit });
    const ids = async (filter: OrderListFilter) => (await list(filter)).items.map((item) => item.id);
    expect(await ids('submitted')).toEqual([older._id, newer._id]);
    expect(await ids('published')).toEqual([published._id]);
    expect(await ids('taken')).toEqual([taken._id]);
    expect(await ids('done')).toEqual([done._id]);
    expect(await ids('finished')).toEqual([finished._id]);
    expect(await ids('closed')).toEqual([cancelled._id, merged._id, rejected._id]);

    const first = await list('submitted', 1);
    expect(first).toEqual({ items: [expect.objectContaining({ id: older._id })], next: '1' });
    const second = await ok(t, STAFF, 'order', 'listForStaff', { filter: 'submitted', limit: 1, cursor: '1' });
    expect(second).toEqual({ items: [expect.objectContaining({ id: newer._id })], next: null });

    // Staff see the taker's name and masked phone, never the resident's contact.
    const takenList = await list('taken');
    expect(takenList.items[0]).toMatchObject({ taker: { name: '党员r-1', phoneMasked: '138****1234' }, mine: false });
    for (const filter of ['submitted', 'published', 'taken', 'done', 'finished', 'closed'] as const) {
      const text = JSON.stringify(await list(filter));
      expect(text).not.toContain(RESIDENT_PHONE);
      expect(text).not.toContain('3栋2单元501');
    }

    // Another community's staff see only theirs.
    const west = await ok(t, STAFF_C02, 'order', 'listForStaff', { filter: 'submitted' });
    expect(west.items.map((item) => item.community.id)).toEqual(['C02']);
  });

  test('an unknown filter or a caller who is not staff is refused', async () => {
    await expectRefusedUnchanged(t, STAFF, 'listForStaff', { filter: 'all' }, 'INVALID_INPUT');
    await expectRefusedUnchanged(t, MEMBER, 'listForStaff', { filter: 'submitted' }, 'FORBIDDEN');
    await expectRefusedUnchanged(t, RESIDENT, 'listForStaff', { filter: 'submitted' }, 'FORBIDDEN');
  });
});

describe('order.publish', () => {
  test('staff publish a submitted request: members may now see it; logged; publishing again answers it as it is', async () => {
    const order = await anOrder(t);
    await expectRefusedUnchanged(t, MEMBER, 'get', { orderId: order._id }, 'ORDER_NOT_FOUND');
    const { order: view } = await ok(t, STAFF, 'order', 'publish', { orderId: order._id });
    expect(view).toMatchObject({ id: order._id, status: 'published', publishedAt: about(T0) });
    expect(JSON.stringify(view)).not.toContain(RESIDENT_PHONE);
    expect(await storedDoc(t, 'orders', order._id)).toMatchObject({
      status: 'published',
      publishedAt: about(T0),
      updatedAt: about(T0),
      reviewedBy: STAFF,
      reviewedByName: '李社工',
    });
    expect(await auditOf(t, order._id)).toEqual([
      expect.objectContaining({ action: 'order.publish', actorId: STAFF, detail: { communityId: 'C01' } }),
    ]);
    const before = await snapshot(t);
    expect((await ok(t, STAFF2, 'order', 'publish', { orderId: order._id })).order.status).toBe('published');
    expect(await snapshot(t)).toBe(before);
    const { order: seen } = await ok(t, MEMBER, 'order', 'get', { orderId: order._id });
    expect(seen).toMatchObject({ status: 'published', contact: null });
  });

  test('other states, another community, other roles, unknown ids: refused, changing nothing', async () => {
    for (const state of [TAKEN, { ...TAKEN, status: 'done' as const }, rated, { status: 'rejected' as const }]) {
      const order = await anOrder(t, state);
      await expectRefusedUnchanged(t, STAFF, 'publish', { orderId: order._id }, 'ORDER_STATE');
    }
    const order = await anOrder(t);
    await expectRefusedUnchanged(t, STAFF_C02, 'publish', { orderId: order._id }, 'ORDER_NOT_FOUND');
    await expectRefusedUnchanged(t, MEMBER, 'publish', { orderId: order._id }, 'FORBIDDEN');
    await expectRefusedUnchanged(t, RESIDENT, 'publish', { orderId: order._id }, 'FORBIDDEN');
    await expectRefusedUnchanged(t, STAFF, 'publish', { orderId: 'no-such-order' }, 'ORDER_NOT_FOUND');
  });

  test('a request the resident cancelled meanwhile cannot be published', async () => {
    const order = await anOrder(t);
    await ok(t, RESIDENT, 'order', 'cancel', { orderId: order._id });
    await expectRefusedUnchanged(t, STAFF, 'publish', { orderId: order._id }, 'ORDER_STATE');
  });
});

describe('order.reject', () => {
  test('staff reject a submitted request with a reason the resident sees; logged', async () => {
    const order = await anOrder(t);
    const { order: view } = await ok(t, STAFF, 'order', 'reject', { orderId: order._id, reason: '  不属于服务范围 ' });
    expect(view).toMatchObject({ status: 'rejected', rejectReason: '不属于服务范围' });
    expect(await storedDoc(t, 'orders', order._id)).toMatchObject({
      status: 'rejected',
      rejectReason: '不属于服务范围',
      reviewedBy: STAFF,
      reviewedByName: '李社工',
    });
    expect(await auditOf(t, order._id)).toEqual([expect.objectContaining({ action: 'order.reject', actorId: STAFF })]);
    const { order: seen } = await ok(t, RESIDENT, 'order', 'get', { orderId: order._id });
    expect(seen).toMatchObject({ status: 'rejected', rejectReason: '不属于服务范围', mine: true });
    expect(seen.can.cancel).toBe(false);
  });

  test('without a reason, in another state, by other staff or roles: refused, changing nothing', async () => {
    const order = await anOrder(t);
    await expectRefusedUnchanged(t, STAFF, 'reject', { orderId: order._id, reason: '' }, 'INVALID_INPUT');
    await expectRefusedUnchanged(t, STAFF, 'reject', { orderId: order._id }, 'INVALID_INPUT');
    await expectRefusedUnchanged(t, STAFF_C02, 'reject', { orderId: order._id, reason: '重复了' }, 'ORDER_NOT_FOUND');
    await expectRefusedUnchanged(t, RESIDENT, 'reject', { orderId: order._id, reason: '重复了' }, 'FORBIDDEN');
    const published = await anOrder(t, PUBLISHED);
    await expectRefusedUnchanged(t, STAFF, 'reject', { orderId: published._id, reason: '重复了' }, 'ORDER_STATE');
  });
});

describe('order.merge', () => {
  test('staff merge a duplicate into an open request of the community; logged with the target', async () => {
    for (const state of [{}, PUBLISHED, TAKEN]) {
      const into = await anOrder(t, state);
      const order = await anOrder(t);
      const { order: view } = await ok(t, STAFF, 'order', 'merge', { orderId: order._id, intoId: into._id });
      expect(view).toMatchObject({ status: 'merged', mergedInto: into._id });
      expect(await storedDoc(t, 'orders', order._id)).toMatchObject({
        status: 'merged',
        mergedInto: into._id,
        reviewedBy: STAFF,
      });
      expect(await storedDoc(t, 'orders', into._id)).toMatchObject({ status: into.status });
      expect(await auditOf(t, order._id)).toEqual([
        expect.objectContaining({ action: 'order.merge', detail: { communityId: 'C01', intoId: into._id } }),
      ]);
      // The same merge again answers it as it is.
      const before = await snapshot(t);
      await ok(t, STAFF, 'order', 'merge', { orderId: order._id, intoId: into._id });
      expect(await snapshot(t)).toBe(before);
    }
  });

  test("into itself, a closed or done one, another community's, or an unknown one: MERGE_TARGET_INVALID", async () => {
    const order = await anOrder(t);
    for (const state of [
      { status: 'rejected' as const },
      { status: 'cancelled' as const },
      { status: 'merged' as const },
      { ...TAKEN, status: 'done' as const },
      rated,
      { ...PUBLISHED, communityId: 'C02' },
    ]) {
      const into = await anOrder(t, state);
      await expectRefusedUnchanged(t, STAFF, 'merge', { orderId: order._id, intoId: into._id }, 'MERGE_TARGET_INVALID');
    }
    await expectRefusedUnchanged(t, STAFF, 'merge', { orderId: order._id, intoId: order._id }, 'MERGE_TARGET_INVALID');
    await expectRefusedUnchanged(t, STAFF, 'merge', { orderId: order._id, intoId: 'no-such' }, 'MERGE_TARGET_INVALID');
  });

  test('a request no longer submitted, or of another community, cannot be merged', async () => {
    const into = await anOrder(t, PUBLISHED);
    const published = await anOrder(t, PUBLISHED);
    await expectRefusedUnchanged(t, STAFF, 'merge', { orderId: published._id, intoId: into._id }, 'ORDER_STATE');
    const order = await anOrder(t);
    await expectRefusedUnchanged(t, STAFF_C02, 'merge', { orderId: order._id, intoId: into._id }, 'ORDER_NOT_FOUND');
    await expectRefusedUnchanged(t, MEMBER, 'merge', { orderId: order._id, intoId: into._id }, 'FORBIDDEN');
  });
});

describe('concurrent decisions', () => {
  test('two staff deciding while the resident cancels: at most one decision stands, logged once', async () => {
    for (let round = 0; round < 3; round++) {
      const order = await anOrder(t);
      const [published, rejected, cancelled] = await Promise.all([
        call(t, STAFF, 'order', 'publish', { orderId: order._id }),
        call(t, STAFF2, 'order', 'reject', { orderId: order._id, reason: '重复的需求' }),
        call(t, RESIDENT, 'order', 'cancel', { orderId: order._id }),
      ]);
      for (const lost of [published, rejected, cancelled].filter((result) => !result.ok)) {
        expect(lost).toMatchObject({ code: expect.stringMatching(/^(ORDER_STATE|BUSY)$/) });
      }
      // Publishing and rejecting exclude each other; a cancel may follow a publish, never a rejection.
      expect(published.ok && rejected.ok).toBe(false);
      expect(rejected.ok && cancelled.ok).toBe(false);
      const stored = await storedDoc(t, 'orders', order._id);
      const expected = cancelled.ok ? 'cancelled' : published.ok ? 'published' : rejected.ok ? 'rejected' : 'submitted';
      expect(stored.status).toBe(expected);
      const decisions = (await auditOf(t, order._id)).map((entry) => entry.action);
      expect(decisions).toEqual(published.ok ? ['order.publish'] : rejected.ok ? ['order.reject'] : []);
    }
  });
});
