import type { TestCloud } from 'wx-local-cloud/testing';
import type { OrderContactDoc, OrderDoc, OrderInput, ResidentDoc, ResidentProfileInput } from '../../../types';
import { aStoredOrder, aUser, insert } from '../fixtures';
import { call, ok, seedCounty, snapshot, startFunctionsCloud, verifiedMember } from '../helpers';
import { PNG, upload } from '../record/setup';

export const MINUTE = 60_000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;

/** 14:00 China time on Wednesday 10 June 2026: the moment every order test starts from. */
export const T0 = Date.UTC(2026, 5, 10, 6, 0);

/** The resident every order test knows: 王大妈 of 东街社区, 幸福小区 3栋 2单元 501. */
export const RESIDENT = 'resident-1';
export const RESIDENT_PHONE = '13900001111';
export const RESIDENT_ADDRESS = '3栋2单元501';
/** A confirmed member of U01 checked in at C01. */
export const MEMBER = 'member-1';
/** C01's staff (seeded by seedCounty), a second C01 staff member, and C02's staff. */
export const STAFF = 'staff-C01';
export const STAFF2 = 'staff2-C01';
export const STAFF_C02 = 'staff-C02';

/** 王大妈's profile as stored. */
export function aResident(p: Partial<ResidentDoc> = {}): ResidentDoc {
  return {
    _id: RESIDENT,
    name: '王大妈',
    phone: RESIDENT_PHONE,
    communityId: 'C01',
    compound: '幸福小区',
    building: '3栋',
    unit: '2单元',
    room: '501',
    createdAt: T0 - 30 * DAY,
    updatedAt: T0 - 30 * DAY,
    ...p,
  };
}

/** 王大妈's profile as the form sends it (typed phone). */
export function profileInput(p: Partial<ResidentProfileInput> = {}): ResidentProfileInput {
  return {
    name: '王大妈',
    phone: RESIDENT_PHONE,
    communityId: 'C01',
    compound: '幸福小区',
    building: '3栋',
    unit: '2单元',
    room: '501',
    ...p,
  };
}

/** A request as the resident's form sends it, wanted two days from T0. */
export function orderInput(p: Partial<OrderInput> = {}): OrderInput {
  return { kind: '生活帮扶', text: '帮忙买一袋大米送上楼', wantedBy: T0 + 2 * DAY, photos: [], ...p };
}

/** A confirmed member of `unitId` checked in at `communityId`. */
export async function checkedInMember(t: TestCloud, openid: string, communityId = 'C01', unitId = 'U01') {
  await verifiedMember(t, openid, unitId);
  await ok(t, openid, 'checkin', 'checkIn', { communityId });
}

/**
 * A cloud at T0 with the county seeded, staff2-C01 (陈社工) and staff-C02 (吴社工), 王大妈's profile (resident-1)
 * and member-1 confirmed and checked in at C01.
 */
export async function startOrderCloud(): Promise<TestCloud> {
  const t = await startFunctionsCloud();
  t.cloud.clock.setTime(T0);
  await seedCounty(t);
  await insert(
    t.db,
    'users',
    aUser({ _id: STAFF2, name: '陈社工', grants: [{ role: 'staff', communityId: 'C01' }] }),
    aUser({ _id: STAFF_C02, name: '吴社工', grants: [{ role: 'staff', communityId: 'C02' }] }),
  );
  await insert(t.db, 'residents', aResident());
  await checkedInMember(t, MEMBER);
  return t;
}

/**
 * The hooks an order test file shares: one order cloud for the file (`ready` is given it), closed after, and its clock
 * set to T0 before each test.
 */
export function useOrderCloud(ready: (t: TestCloud) => void): void {
  let t: TestCloud;
  beforeAll(async () => {
    t = await startOrderCloud();
    ready(t);
  });
  afterAll(() => t.close());
  beforeEach(() => t.cloud.clock.setTime(T0));
}

/** A refusal that must change nothing: the order function answers `code` and the database reads as before. */
export async function expectRefusedUnchanged(
  t: TestCloud,
  openid: string,
  action: string,
  data: unknown,
  code: string,
) {
  const before = await snapshot(t);
  const result = await call(t, openid, 'order', action as never, data);
  expect(result).toMatchObject({ ok: false, code });
  expect(await snapshot(t)).toBe(before);
}

let orders = 0;

/** An order document of 王大妈's, submitted at T0 − 1 h; `p` sets any field (the state a test needs). */
export function anOrderDoc(p: Partial<OrderDoc> = {}): OrderDoc {
  orders += 1;
  return aStoredOrder({
    _id: `O${String(orders).padStart(4, '0')}`,
    wantedBy: T0 + 2 * DAY,
    residentId: RESIDENT,
    createdAt: T0 - HOUR,
    updatedAt: T0 - HOUR,
    ...p,
  });
}

/** The published fields staff's publish leaves (published at T0 − 30 min by staff-C01). */
export const PUBLISHED: Partial<OrderDoc> = {
  status: 'published',
  publishedAt: T0 - 30 * MINUTE,
  reviewedBy: STAFF,
  reviewedByName: '李社工',
};

/** member-1 took it at T0 − 10 min (after PUBLISHED). */
export const TAKEN: Partial<OrderDoc> = {
  ...PUBLISHED,
  status: 'taken',
  takerId: MEMBER,
  takerName: '党员r-1',
  takerPhoneMasked: '138****1234',
  takenAt: T0 - 10 * MINUTE,
};

/**
 * Inserts an order and its orderContacts doc (王大妈's contact) straight into the database, for tests that need a
 * request in a given state; answers the order as stored. `contact: null` leaves the contact out.
 */
export async function anOrder(
  t: TestCloud,
  p: Partial<OrderDoc> = {},
  contact: Partial<OrderContactDoc> | null = {},
): Promise<OrderDoc> {
  const order = anOrderDoc(p);
  await insert(t.db, 'orders', order);
  if (contact) {
    await insert(t.db, 'orderContacts', {
      _id: order._id,
      communityId: order.communityId,
      name: '王大妈',
      phone: RESIDENT_PHONE,
      address: RESIDENT_ADDRESS,
      ...contact,
    });
  }
  return order;
}

export { PNG, upload };

/**
 * A moment read from the functions' clock, which keeps running after setTime: within 50 s of `at` (tests set the clock
 * to T0 before each test, and moments they tell apart lie a minute or more apart).
 */
export function about(at: number) {
  return expect.closeTo(at, -5);
}
