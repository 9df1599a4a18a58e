import type { TestCloud } from 'wx-local-cloud/testing';
import { auditOf, ok, snapshot, storedDoc } from '../helpers';
import {
  DAY,
  HOUR,
  MEMBER,
  PUBLISHED,
  RESIDENT,
  RESIDENT_PHONE,
  STAFF,
  STAFF_C02,
  T0,
  TAKEN,
  about,
  anOrder,
  checkedInMember,
  orderInput,
  expectRefusedUnchanged,
  useOrderCloud,
  upload,
} from './setup';

let t: TestCloud;
useOrderCloud((cloud) => (t = cloud));

/** Neither the phone nor the door of anyone in the tests. */
function expectNoContact(answer: unknown) {
  const text = JSON.stringify(answer);
  expect(text).not.toContain(RESIDENT_PHONE);
  expect(text).not.toContain('13900002222');
  expect(text).not.toContain('501');
  expect(text).not.toContain('单元');
}

const contact = { name: '孙大爷', phone: '13900002222', compound: '和平小区', building: '1', unit: '1', room: '101' };

describe('order.post', () => {
  test('a resident posts a request: submitted, the compound from their profile, the contact kept apart', async () => {
    const { order } = await ok(t, RESIDENT, 'order', 'post', orderInput());
    expect(order).toEqual({
      id: order.id,
      community: { id: 'C01', name: '东街社区', street: expect.any(String) },
      kind: '生活帮扶',
      text: '帮忙买一袋大米送上楼',
      wantedBy: T0 + 2 * DAY,
      compound: '幸福小区',
      status: 'submitted',
      createdAt: about(T0),
      publishedAt: null,
      onBehalfOf: null,
      taker: null,
      takenAt: null,
      doneAt: null,
      rating: null,
      rejectReason: null,
      mergedInto: null,
      escalation: null,
      mine: true,
      taking: false,
    });
    expectNoContact(order);
    expect(await storedDoc(t, 'orders', order.id)).toMatchObject({
      communityId: 'C01',
      residentId: RESIDENT,
      status: 'submitted',
      onBehalf: null,
      photos: [],
    });
    expect(await storedDoc(t, 'orderContacts', order.id)).toEqual({
      _id: order.id,
      communityId: 'C01',
      name: '王大妈',
      phone: RESIDENT_PHONE,
      address: '3栋2单元501',
    });
  });

  test("with photos of their own; another person's photo, or four, are refused, changing nothing", async () => {
    const photos = [await upload(t, RESIDENT), await upload(t, RESIDENT)];
    const { order } = await ok(t, RESIDENT, 'order', 'post', orderInput({ photos }));
    expect(await storedDoc(t, 'orders', order.id)).toMatchObject({ photos });
    const foreign = await upload(t, MEMBER);
    await expectRefusedUnchanged(t, RESIDENT, 'post', orderInput({ photos: [foreign] }), 'PHOTO_INVALID');
    await expectRefusedUnchanged(t, RESIDENT, 'post', orderInput({ photos: [photos[0], photos[0]] }), 'PHOTO_INVALID');
    const four = [...photos, await upload(t, RESIDENT), await upload(t, RESIDENT)];
    await expectRefusedUnchanged(t, RESIDENT, 'post', orderInput({ photos: four }), 'INVALID_INPUT');
  });

  test('without a profile: PROFILE_NEEDED, changing nothing', async () => {
    await expectRefusedUnchanged(t, 'res-nobody', 'post', orderInput(), 'PROFILE_NEEDED');
  });

  test('wanted in the past, too far ahead, risky text or bad input: refused, changing nothing', async () => {
    await expectRefusedUnchanged(t, RESIDENT, 'post', orderInput({ wantedBy: T0 - HOUR }), 'WANTED_IN_PAST');
    await expectRefusedUnchanged(t, RESIDENT, 'post', orderInput({ wantedBy: T0 + 91 * DAY }), 'INVALID_INPUT');
    await expectRefusedUnchanged(t, RESIDENT, 'post', orderInput({ text: '想找人一起赌博打牌' }), 'CONTENT_RISKY');
    await expectRefusedUnchanged(t, RESIDENT, 'post', orderInput({ kind: '算命' as never }), 'INVALID_INPUT');
    await expectRefusedUnchanged(t, RESIDENT, 'post', orderInput({ text: '买米' }), 'INVALID_INPUT');
    await expectRefusedUnchanged(t, RESIDENT, 'post', orderInput({ wantedBy: 1.5 }), 'INVALID_INPUT');
    await expectRefusedUnchanged(t, RESIDENT, 'post', { ...orderInput(), residentId: 'x' }, 'INVALID_INPUT');
  });
});

describe('order.postOnBehalf', () => {
  test('staff post for a resident without a smartphone: published at once, marked as theirs, logged', async () => {
    const { order } = await ok(t, STAFF, 'order', 'postOnBehalf', { ...orderInput(), contact });
    expect(order).toMatchObject({
      status: 'published',
      publishedAt: about(T0),
      compound: '和平小区',
      onBehalfOf: { staffName: '李社工' },
      mine: false,
    });
    expectNoContact(order);
    expect(await storedDoc(t, 'orders', order.id)).toMatchObject({
      communityId: 'C01',
      residentId: null,
      onBehalf: { staffId: STAFF, staffName: '李社工' },
      reviewedBy: STAFF,
      reviewedByName: '李社工',
    });
    expect(await storedDoc(t, 'orderContacts', order.id)).toMatchObject({
      name: '孙大爷',
      phone: '13900002222',
      address: '1栋1单元101',
    });
    expect(await auditOf(t, order.id)).toEqual([
      expect.objectContaining({ action: 'order.postOnBehalf', actorId: STAFF, detail: { communityId: 'C01' } }),
    ]);
    // Members checked in there see it (without the contact).
    const { order: seen } = await ok(t, MEMBER, 'order', 'get', { orderId: order.id });
    expect(seen).toMatchObject({ contact: null, can: expect.objectContaining({ take: true }) });
  });

  test("the same checks as a resident's, and a contact's bad phone: refused, changing nothing", async () => {
    const request = { ...orderInput(), contact };
    await expectRefusedUnchanged(t, STAFF, 'postOnBehalf', { ...request, wantedBy: T0 - HOUR }, 'WANTED_IN_PAST');
    await expectRefusedUnchanged(t, STAFF, 'postOnBehalf', { ...request, text: '代开发票找我' }, 'CONTENT_RISKY');
    await expectRefusedUnchanged(
      t,
      STAFF,
      'postOnBehalf',
      { ...request, photos: [await upload(t, RESIDENT)] },
      'PHOTO_INVALID',
    );
    await expectRefusedUnchanged(
      t,
      STAFF,
      'postOnBehalf',
      { ...request, contact: { ...contact, phone: '123' } },
      'INVALID_INPUT',
    );
    await expectRefusedUnchanged(t, RESIDENT, 'postOnBehalf', request, 'FORBIDDEN');
    await expectRefusedUnchanged(t, MEMBER, 'postOnBehalf', request, 'FORBIDDEN');
  });
});

describe('order.listMine', () => {
  test("the caller's own requests, newest first, paged, never a contact", async () => {
    const who = 'res-list';
    await ok(t, who, 'order', 'saveProfile', {
      name: '刘奶奶',
      phone: '13900003333',
      communityId: 'C02',
      compound: '西苑',
      building: '5',
      unit: '1',
      room: '201',
    });
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      t.cloud.clock.setTime(T0 + i * HOUR);
      ids.push((await ok(t, who, 'order', 'post', orderInput({ wantedBy: T0 + 2 * DAY }))).order.id);
    }
    t.cloud.clock.setTime(T0);
    const first = await ok(t, who, 'order', 'listMine', { limit: 2 });
    expect(first.items.map((item) => item.id)).toEqual([ids[2], ids[1]]);
    expect(first.next).not.toBeNull();
    const second = await ok(t, who, 'order', 'listMine', { limit: 2, cursor: first.next ?? undefined });
    expect(second).toEqual({ items: [expect.objectContaining({ id: ids[0], mine: true })], next: null });
    expect(first.items[0]).toMatchObject({ community: { id: 'C02' }, compound: '西苑', mine: true });
    expectNoContact([first, second]);
    expect(JSON.stringify(first)).not.toContain('13900003333');
    // Another resident's list has none of them.
    const theirs = await ok(t, RESIDENT, 'order', 'listMine', { limit: 50 });
    expect(theirs.items.some((item) => ids.includes(item.id))).toBe(false);
    expectNoContact(theirs);
  });

  test('a taken request shows the resident who took it, with the phone masked', async () => {
    const order = await anOrder(t, { ...TAKEN, createdAt: T0 + DAY });
    const { items } = await ok(t, RESIDENT, 'order', 'listMine', { limit: 1 });
    expect(items[0]).toMatchObject({ id: order._id, taker: { name: '党员r-1', phoneMasked: '138****1234' } });
    expect(JSON.stringify(items)).not.toContain('13812341234');
  });
});

describe('order.get', () => {
  test('the resident opens their own: no contact (they know their own), and may cancel', async () => {
    const order = await anOrder(t);
    const { order: detail } = await ok(t, RESIDENT, 'order', 'get', { orderId: order._id });
    expect(detail).toMatchObject({ id: order._id, mine: true, contact: null, photoUrls: [], releases: [] });
    expect(detail.can).toEqual({
      cancel: true,
      publish: false,
      merge: false,
      reject: false,
      take: false,
      release: false,
      markDone: false,
      rate: false,
      confirmDone: false,
    });
    expectNoContact(detail);
  });

  test('staff of its community read the contact (logged); other staff and members before publishing are told it is not there', async () => {
    const order = await anOrder(t);
    const { order: detail } = await ok(t, STAFF, 'order', 'get', { orderId: order._id });
    expect(detail.contact).toEqual({
      name: '王大妈',
      phone: RESIDENT_PHONE,
      compound: '幸福小区',
      address: '3栋2单元501',
    });
    expect(detail.can).toMatchObject({ publish: true, merge: true, reject: true, cancel: false });
    expect(await auditOf(t, order._id)).toEqual([
      expect.objectContaining({ action: 'order.readContact', actorId: STAFF }),
    ]);
    await expectRefusedUnchanged(t, STAFF_C02, 'get', { orderId: order._id }, 'ORDER_NOT_FOUND');
    await expectRefusedUnchanged(t, MEMBER, 'get', { orderId: order._id }, 'ORDER_NOT_FOUND');
    await expectRefusedUnchanged(t, 'stranger', 'get', { orderId: order._id }, 'ORDER_NOT_FOUND');
    await expectRefusedUnchanged(t, RESIDENT, 'get', { orderId: 'no-such-order' }, 'ORDER_NOT_FOUND');
    await expectRefusedUnchanged(t, RESIDENT, 'get', { orderId: '' }, 'INVALID_INPUT');
  });

  test('once published, members checked in there see it without a contact; members elsewhere do not', async () => {
    const order = await anOrder(t, PUBLISHED);
    const { order: detail } = await ok(t, MEMBER, 'order', 'get', { orderId: order._id });
    expect(detail).toMatchObject({ status: 'published', contact: null, mine: false, taking: false, taker: null });
    expect(detail.can).toMatchObject({ take: true, cancel: false });
    expectNoContact(detail);
    await checkedInMember(t, 'member-west', 'C02');
    await expectRefusedUnchanged(t, 'member-west', 'get', { orderId: order._id }, 'ORDER_NOT_FOUND');
  });

  test('its taker reads the contact', async () => {
    const order = await anOrder(t, TAKEN);
    const { order: detail } = await ok(t, MEMBER, 'order', 'get', { orderId: order._id });
    expect(detail).toMatchObject({ taking: true, contact: { phone: RESIDENT_PHONE, address: '3栋2单元501' } });
  });
});

describe('order.cancel', () => {
  test('the resident cancels a submitted or a published request; cancelling again answers it as it is', async () => {
    for (const state of [{}, PUBLISHED]) {
      const order = await anOrder(t, state);
      const { order: view } = await ok(t, RESIDENT, 'order', 'cancel', { orderId: order._id });
      expect(view).toMatchObject({ id: order._id, status: 'cancelled', mine: true });
      expect(await storedDoc(t, 'orders', order._id)).toMatchObject({
        status: 'cancelled',
        cancelledAt: about(T0),
        updatedAt: about(T0),
      });
      const before = await snapshot(t);
      expect((await ok(t, RESIDENT, 'order', 'cancel', { orderId: order._id })).order.status).toBe('cancelled');
      expect(await snapshot(t)).toBe(before);
    }
  });

  test('once taken (or later) it cannot be cancelled; only the resident may; refusals change nothing', async () => {
    for (const state of [TAKEN, { ...TAKEN, status: 'done' as const }, { status: 'rejected' as const }]) {
      const order = await anOrder(t, state);
      await expectRefusedUnchanged(t, RESIDENT, 'cancel', { orderId: order._id }, 'ORDER_STATE');
    }
    const published = await anOrder(t, PUBLISHED);
    await expectRefusedUnchanged(t, STAFF, 'cancel', { orderId: published._id }, 'NOT_RESIDENT');
    await expectRefusedUnchanged(t, MEMBER, 'cancel', { orderId: published._id }, 'NOT_RESIDENT');
    await expectRefusedUnchanged(t, 'stranger', 'cancel', { orderId: published._id }, 'ORDER_NOT_FOUND');
    await expectRefusedUnchanged(t, STAFF_C02, 'cancel', { orderId: published._id }, 'ORDER_NOT_FOUND');
    await expectRefusedUnchanged(t, RESIDENT, 'cancel', { orderId: 'no-such-order' }, 'ORDER_NOT_FOUND');
  });
});
