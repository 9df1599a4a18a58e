import type { TestCloud } from 'wx-local-cloud/testing';
import type { OrderContactDoc, OrderDoc, ResidentDoc } from '../../../types';
import { NOW, aStoredOrder, insert } from '../fixtures';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/** A request of C01 as stored, `submitted`, wanted in two days; pass the fields of its state. */
export function anOrder(p: Partial<OrderDoc> & { _id: string }): OrderDoc {
  return aStoredOrder({ text: '家里灯泡坏了，想请人帮忙换一下', compound: '东街花园', ...p });
}

/** A published request (published at `at`). */
export function aPublishedOrder(p: Partial<OrderDoc> & { _id: string }, at = NOW): OrderDoc {
  return anOrder({ status: 'published', publishedAt: at, reviewedBy: 'staff-C01', reviewedByName: '李社工', ...p });
}

/** A request done and rated by its resident at `at`. */
export function aRatedOrder(p: Partial<OrderDoc> & { _id: string }, at = NOW, stars = 5): OrderDoc {
  return anOrder({
    status: 'rated',
    publishedAt: at - 2 * DAY,
    takerId: 'taker',
    takerName: '王党员',
    takerPhoneMasked: '139****0001',
    takenAt: at - DAY,
    doneAt: at - HOUR,
    doneNote: '已经换好了',
    rating: { stars, comment: '很及时，谢谢', by: 'resident', byName: '居民', at },
    updatedAt: at,
    ...p,
  });
}

/** A resident's profile of C01. */
export function aResident(p: Partial<ResidentDoc> & { _id: string }): ResidentDoc {
  return {
    communityId: 'C01',
    compound: '东街花园',
    building: '9栋',
    unit: '8单元',
    room: '707',
    name: '陈阿姨',
    phone: '13977770001',
    createdAt: NOW,
    updatedAt: NOW,
    ...p,
  };
}

/** The contact kept apart for a request. */
export function aContact(p: Partial<OrderContactDoc> & { _id: string }): OrderContactDoc {
  return { communityId: 'C01', name: '陈阿姨', phone: '13977770001', address: '9栋8单元707', ...p };
}

/** Many requests at once (adds in batches of fifty, not one round trip after the other). */
export async function insertOrders(t: TestCloud, orders: OrderDoc[]): Promise<void> {
  const chunk = 50;
  for (let i = 0; i < orders.length; i += chunk) {
    await Promise.all(orders.slice(i, i + chunk).map((order) => insert(t.db, 'orders', order)));
  }
}
