import type { OrderDoc } from '../../types';
import { ORDER_INPUTS } from '../../domain/schemas/order';
import { currentTime } from '../_shared/clock';
import { docs } from '../_shared/data';
import { AppError } from '../_shared/errors';
import { defineAction } from '../_shared/handler';
import { inTransaction } from '../_shared/transaction';
import { checkRequest, contactOf, newOrder } from './intake';
import { oneOrderView } from './views';

/**
 * A resident with a profile posts a request (content-checked); it waits for their community's staff. The request and
 * its contact are written together; the contact lives apart, read only by the taker and staff.
 */
export const post = defineAction<'order', 'post'>({
  access: 'signedIn',
  input: ORDER_INPUTS.post,
  async run(input, { openid }) {
    if (!(await docs('residents').get(openid))) throw new AppError('PROFILE_NEEDED');
    const now = currentTime();
    await checkRequest(input, openid, now);
    const order = await inTransaction(async (transaction): Promise<OrderDoc> => {
      // Read again inside: a deletion of the profile meanwhile leaves nothing to post from.
      const resident = await docs('residents', transaction).get(openid);
      if (!resident) throw new AppError('PROFILE_NEEDED');
      const created = newOrder(input, now, {
        communityId: resident.communityId,
        compound: resident.compound,
        residentId: openid,
        onBehalf: null,
        status: 'submitted',
        publishedAt: null,
        reviewedBy: null,
        reviewedByName: null,
      });
      await docs('orders', transaction).add(created);
      await docs('orderContacts', transaction).add(contactOf(created, resident));
      return created;
    });
    return { order: await oneOrderView(order, { openid, staffCommunityId: null, memberCommunityId: null }) };
  },
});
