import type { OrderStatus } from '../../types';
import { ORDER_INPUTS } from '../../domain/schemas/order';
import { docs } from '../_shared/data';
import { AppError } from '../_shared/errors';
import { defineAction } from '../_shared/handler';
import { review } from './review';

/** A request a duplicate may be merged into: still being seen to. */
const OPEN: readonly OrderStatus[] = ['submitted', 'published', 'taken'];

/** Staff close a submitted request as a duplicate of another open request of their community (logged). */
export const merge = defineAction<'order', 'merge'>({
  access: 'staff',
  input: ORDER_INPUTS.merge,
  async run({ orderId, intoId }, { openid, user, communityId }) {
    return review(
      orderId,
      { openid, name: user.name, communityId },
      {
        action: 'order.merge',
        done: (order) => order.status === 'merged' && order.mergedInto === intoId,
        async change(order, _now, transaction) {
          if (intoId === orderId) throw new AppError('MERGE_TARGET_INVALID');
          const into = await docs('orders', transaction).get(intoId);
          if (!into || into.communityId !== order.communityId || !OPEN.includes(into.status)) {
            throw new AppError('MERGE_TARGET_INVALID');
          }
          return { status: 'merged', mergedInto: intoId };
        },
        detail: { intoId },
      },
    );
  },
});
