import { ORDER_INPUTS } from '../../domain/schemas/order';
import { audit } from '../_shared/audit';
import { AppError } from '../_shared/errors';
import { defineAction } from '../_shared/handler';
import { finishOrder, orderOf } from './taking';
import { oneOrderView, viewerOf } from './views';

/**
 * Staff confirm a done request for a resident without a smartphone, with the resident's rating if they gave one; it is
 * recorded as staff's word (rating.by 'staff', audited). Its service record then goes to the stamp queue.
 */
export const confirmDone = defineAction<'order', 'confirmDone'>({
  access: 'staff',
  input: ORDER_INPUTS.confirmDone,
  async run({ orderId, stars, comment }, { openid, user, communityId }) {
    const ofTheirCommunity = (order: { communityId: string; status: string }) => {
      if (order.communityId !== communityId) throw new AppError('ORDER_NOT_FOUND');
      if (order.status !== 'done') throw new AppError('ORDER_STATE');
    };
    ofTheirCommunity(await orderOf(orderId));
    const rated = await finishOrder(
      orderId,
      ofTheirCommunity,
      { stars, comment, by: 'staff', byName: user.name },
      (order, transaction) =>
        audit(
          {
            action: 'order.confirmDone',
            actorId: openid,
            targetId: orderId,
            detail: { communityId, stars, recordId: order.recordId },
          },
          transaction,
        ),
    );
    return { order: await oneOrderView(rated, await viewerOf(openid)) };
  },
});
