import type { MemberDoc, OrderDoc, OrderRating } from '../../types';
import { chinaTime } from '../../domain/time';
import { countDone } from '../_shared/order-counts';
import { currentTime } from '../_shared/clock';
import { type Transaction, docs } from '../_shared/data';
import { AppError } from '../_shared/errors';
import { inTransaction } from '../_shared/transaction';

/** The community a confirmed member is checked in at, or NOT_CHECKED_IN_HERE. */
export function checkedInCommunity(member: MemberDoc): string {
  if (!member.communityId || member.checkedInAt === undefined) throw new AppError('NOT_CHECKED_IN_HERE');
  return member.communityId;
}

/** A request by id, or ORDER_NOT_FOUND. */
export async function orderOf(orderId: string, transaction?: Transaction): Promise<OrderDoc> {
  const order = await docs('orders', transaction).get(orderId);
  if (!order) throw new AppError('ORDER_NOT_FOUND');
  return order;
}

/** The taker's own request in state `taken`: NOT_TAKER for anyone else, ORDER_STATE in any other state. */
export function requireTaking(order: OrderDoc, openid: string): void {
  if (order.takerId !== openid) throw new AppError('NOT_TAKER');
  if (order.status !== 'taken') throw new AppError('ORDER_STATE');
}

/** 2026年12月5日 14:05, China time (what a subscribe message shows). */
export function messageTime(at: number): string {
  return chinaTime(at).format('YYYY年M月D日 HH:mm');
}

/** An order as stored (without its id), for `set`. */
export function orderBody(order: OrderDoc): Omit<OrderDoc, '_id'> {
  const { _id: _unused, ...body } = order;
  return body;
}

/**
 * Finishes a done request with the resident's (or staff's) word, in one transaction: the request → `rated` with the
 * rating; its service record, which waited for it, → `pending` in the stamp queue with the rating as evidence (it waits
 * from now); the community's done counters move. `check` runs on the request as read inside the transaction; `also` writes more in it.
 */
export async function finishOrder(
  orderId: string,
  check: (order: OrderDoc) => void,
  rating: Omit<OrderRating, 'at'>,
  also?: (rated: OrderDoc, transaction: Transaction) => Promise<void>,
): Promise<OrderDoc> {
  return inTransaction(async (transaction) => {
    const orders = docs('orders', transaction);
    const order = await orderOf(orderId, transaction);
    check(order);
    if (order.status !== 'done') throw new AppError('ORDER_STATE');
    const now = currentTime();
    const rated: OrderDoc = { ...order, status: 'rated', rating: { ...rating, at: now }, updatedAt: now };
    await orders.set(orderId, orderBody(rated));
    if (order.recordId) {
      const records = docs('serviceRecords', transaction);
      const record = await records.get(order.recordId);
      if (record && record.status === 'awaitingRating') {
        await records.update(record._id, {
          status: 'pending',
          rating: rated.rating,
          pendingSince: now,
          updatedAt: now,
        });
      }
    }
    if (also) await also(rated, transaction);
    // The counters are what every finished request of the community writes: last.
    await countDone(order.communityId, now, transaction);
    return rated;
  });
}
