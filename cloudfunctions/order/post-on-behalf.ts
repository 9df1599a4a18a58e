import type { OrderDoc } from '../../types';
import { ORDER_INPUTS } from '../../domain/schemas/order';
import { audit } from '../_shared/audit';
import { currentTime } from '../_shared/clock';
import { docs } from '../_shared/data';
import { defineAction } from '../_shared/handler';
import { inTransaction } from '../_shared/transaction';
import { checkRequest, contactOf, newOrder, staffView } from './intake';

/**
 * Staff post a request for a resident without a smartphone: published at once in their community, marked as posted by
 * them (logged). No resident account is linked to it.
 */
export const postOnBehalf = defineAction<'order', 'postOnBehalf'>({
  access: 'staff',
  input: ORDER_INPUTS.postOnBehalf,
  async run({ contact, ...input }, { openid, user, communityId }) {
    const now = currentTime();
    await checkRequest(input, openid, now);
    const order = await inTransaction(async (transaction): Promise<OrderDoc> => {
      const created = newOrder(input, now, {
        communityId,
        compound: contact.compound,
        residentId: null,
        onBehalf: { staffId: openid, staffName: user.name },
        status: 'published',
        publishedAt: now,
        reviewedBy: openid,
        reviewedByName: user.name,
      });
      await docs('orders', transaction).add(created);
      await docs('orderContacts', transaction).add(contactOf(created, contact));
      await audit(
        { action: 'order.postOnBehalf', actorId: openid, targetId: created._id, detail: { communityId } },
        transaction,
      );
      return created;
    });
    return { order: await staffView(order, openid) };
  },
});
