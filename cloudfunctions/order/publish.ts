import { ORDER_INPUTS } from '../../domain/schemas/order';
import { defineAction } from '../_shared/handler';
import { review } from './review';

/** Staff publish a submitted request of their community to its members (logged). */
export const publish = defineAction<'order', 'publish'>({
  access: 'staff',
  input: ORDER_INPUTS.publish,
  async run({ orderId }, { openid, user, communityId }) {
    return review(
      orderId,
      { openid, name: user.name, communityId },
      {
        action: 'order.publish',
        done: (order) => order.status === 'published',
        change: async (_order, now) => ({ status: 'published', publishedAt: now }),
      },
    );
  },
});
