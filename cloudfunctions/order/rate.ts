import { ORDER_INPUTS } from '../../domain/schemas/order';
import { docs } from '../_shared/data';
import { AppError } from '../_shared/errors';
import { defineAction } from '../_shared/handler';
import { finishOrder, orderOf } from './taking';
import { oneOrderView, viewerOf } from './views';

/**
 * The resident confirms their request was done and rates it (1–5 stars, a comment): its service record goes to the
 * community's stamp queue with the rating as evidence, and the month's done count moves.
 */
export const rate = defineAction<'order', 'rate'>({
  access: 'signedIn',
  input: ORDER_INPUTS.rate,
  async run({ orderId, stars, comment }, { openid }) {
    const mustBeTheirs = (order: { residentId: string | null; status: string }) => {
      if (order.residentId === null || order.residentId !== openid) throw new AppError('NOT_RESIDENT');
      if (order.status !== 'done') throw new AppError('ORDER_STATE');
    };
    mustBeTheirs(await orderOf(orderId));
    const resident = await docs('residents').get(openid);
    const rated = await finishOrder(orderId, mustBeTheirs, {
      stars,
      comment,
      by: 'resident',
      byName: resident?.name ?? '居民',
    });
    return { order: await oneOrderView(rated, await viewerOf(openid)) };
  },
});
