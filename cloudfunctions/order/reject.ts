import { ORDER_INPUTS } from '../../domain/schemas/order';
import { defineAction } from '../_shared/handler';
import { review } from './review';

/** Staff reject a submitted request of their community with a reason the resident sees (logged). */
export const reject = defineAction<'order', 'reject'>({
  access: 'staff',
  input: ORDER_INPUTS.reject,
  async run({ orderId, reason }, { openid, user, communityId }) {
    return review(
      orderId,
      { openid, name: user.name, communityId },
      {
        action: 'order.reject',
        done: (order) => order.status === 'rejected',
        change: async () => ({ status: 'rejected', rejectReason: reason }),
      },
    );
  },
});
