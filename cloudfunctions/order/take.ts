import { ORDER_INPUTS } from '../../domain/schemas/order';
import { maskPhone } from '../../domain/privacy';
import { currentTime } from '../_shared/clock';
import { docs } from '../_shared/data';
import { AppError } from '../_shared/errors';
import { defineAction } from '../_shared/handler';
import { notify } from '../_shared/notify';
import { inTransaction } from '../_shared/transaction';
import { checkedInCommunity, messageTime, orderBody, orderOf } from './taking';
import { orderDetail, viewerOf } from './views';

/**
 * A member checked in at the request's community takes a published request. The state is read again inside the
 * transaction, so of any number of concurrent takes exactly one wins; the others are told it was taken. The taker now
 * sees the contact (the read is logged); the resident is told, if they subscribed.
 */
export const take = defineAction<'order', 'take'>({
  access: 'member',
  input: ORDER_INPUTS.take,
  async run({ orderId }, { openid, member }) {
    const communityId = checkedInCommunity(member);
    const before = await orderOf(orderId);
    if (before.communityId !== communityId) throw new AppError('ORDER_NOT_FOUND');
    if (before.residentId === openid) throw new AppError('OWN_ORDER');
    if (before.status === 'taken' || before.status === 'done' || before.status === 'rated') {
      throw new AppError('ORDER_TAKEN');
    }
    if (before.status !== 'published') throw new AppError('ORDER_STATE');
    const taken = await inTransaction(async (transaction) => {
      const current = await orderOf(orderId, transaction);
      if (current.status !== 'published') throw new AppError('ORDER_TAKEN');
      const now = currentTime();
      const order = {
        ...current,
        status: 'taken' as const,
        takerId: openid,
        takerName: member.name,
        takerPhoneMasked: maskPhone(member.phone),
        takenAt: now,
        updatedAt: now,
      };
      await docs('orders', transaction).set(orderId, orderBody(order));
      return order;
    });
    const detail = await orderDetail(taken, await viewerOf(openid));
    if (taken.residentId) {
      await notify(
        taken.residentId,
        'orderTaken',
        { kind: taken.kind, taker: member.name, takenAt: messageTime(taken.takenAt) },
        `id=${taken._id}`,
      );
    }
    return { order: detail };
  },
});
