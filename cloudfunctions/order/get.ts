import { ORDER_INPUTS } from '../../domain/schemas/order';
import { docs } from '../_shared/data';
import { AppError } from '../_shared/errors';
import { defineAction } from '../_shared/handler';
import { maySee, orderDetail, viewerOf } from './views';

/**
 * One request, as far as the caller may see it: its resident, its taker, its community's staff, or a member checked in
 * there once it is published. Anyone else is told it is not found (its existence is not told either).
 */
export const get = defineAction<'order', 'get'>({
  access: 'signedIn',
  input: ORDER_INPUTS.get,
  async run({ orderId }, { openid }) {
    const [order, viewer] = await Promise.all([docs('orders').get(orderId), viewerOf(openid)]);
    if (!order || !maySee(order, viewer)) throw new AppError('ORDER_NOT_FOUND');
    return { order: await orderDetail(order, viewer) };
  },
});
