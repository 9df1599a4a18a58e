import type { OrderDoc } from '../../types';
import { ORDER_INPUTS } from '../../domain/schemas/order';
import { currentTime } from '../_shared/clock';
import { docs } from '../_shared/data';
import { AppError } from '../_shared/errors';
import { defineAction } from '../_shared/handler';
import { inTransaction } from '../_shared/transaction';
import { type Viewer, maySee, oneOrderView, viewerOf } from './views';

/** The caller's own request, or why not (one who may not see it is told it is not found). */
function ownOrder(order: OrderDoc | null, viewer: Viewer): OrderDoc {
  if (!order || !maySee(order, viewer)) throw new AppError('ORDER_NOT_FOUND');
  if (order.residentId !== viewer.openid) throw new AppError('NOT_RESIDENT');
  return order;
}

/** The resident cancels their request before anyone takes it; cancelling again answers it as it is. */
export const cancel = defineAction<'order', 'cancel'>({
  access: 'signedIn',
  input: ORDER_INPUTS.cancel,
  async run({ orderId }, { openid }) {
    const viewer = await viewerOf(openid);
    const seen = ownOrder(await docs('orders').get(orderId), viewer);
    if (seen.status === 'cancelled') return { order: await oneOrderView(seen, viewer) };
    const order = await inTransaction(async (transaction): Promise<OrderDoc> => {
      const orders = docs('orders', transaction);
      const found = ownOrder(await orders.get(orderId), viewer);
      if (found.status === 'cancelled') return found;
      if (found.status !== 'submitted' && found.status !== 'published') throw new AppError('ORDER_STATE');
      const now = currentTime();
      const change = { status: 'cancelled', cancelledAt: now, updatedAt: now } as const;
      await orders.update(orderId, change);
      return { ...found, ...change };
    });
    return { order: await oneOrderView(order, viewer) };
  },
});
