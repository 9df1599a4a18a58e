import { ORDER_INPUTS } from '../../domain/schemas/order';
import { currentTime } from '../_shared/clock';
import { docs } from '../_shared/data';
import { defineAction } from '../_shared/handler';
import { inTransaction } from '../_shared/transaction';
import { orderBody, orderOf, requireTaking } from './taking';
import { oneOrderView, viewerOf } from './views';

/** The most releases a request keeps (the latest). */
const RELEASES_KEPT = 20;

/**
 * The taker gives a request back with a reason: it is published again (the 48 h clock starts over) and the taker no
 * longer sees the contact.
 */
export const release = defineAction<'order', 'release'>({
  access: 'member',
  input: ORDER_INPUTS.release,
  async run({ orderId, reason }, { openid, member }) {
    requireTaking(await orderOf(orderId), openid);
    const released = await inTransaction(async (transaction) => {
      const current = await orderOf(orderId, transaction);
      requireTaking(current, openid);
      const now = currentTime();
      const order = {
        ...current,
        status: 'published' as const,
        releases: [...current.releases, { memberId: openid, memberName: member.name, reason, at: now }].slice(
          -RELEASES_KEPT,
        ),
        takerId: null,
        takerName: null,
        takerPhoneMasked: null,
        takenAt: null,
        publishedAt: now,
        updatedAt: now,
      };
      await docs('orders', transaction).set(orderId, orderBody(order));
      return order;
    });
    return { order: await oneOrderView(released, await viewerOf(openid)) };
  },
});
