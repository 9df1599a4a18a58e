import { SUBSCRIBE_KEYS, SUBSCRIPTION_COUNT_MAX, type SubscriptionDoc } from '../../types';
import { NOTIFY_INPUTS } from '../../domain/schemas/notify';
import { currentTime } from '../_shared/clock';
import { docs } from '../_shared/data';
import { defineAction } from '../_shared/handler';
import { subscriptionId } from '../_shared/notify';
import { inTransaction } from '../_shared/transaction';
import { countsOf } from './counts';

/**
 * The messages the person just accepted in WeChat's prompt: one more grant each (a key named twice counts once, as
 * WeChat grants it once), kept to SUBSCRIPTION_COUNT_MAX. One transaction; answers every kind's count.
 */
export const subscribe = defineAction<'notify', 'subscribe'>({
  access: 'signedIn',
  input: NOTIFY_INPUTS.subscribe,
  async run({ accepted }, { openid }) {
    const wanted = new Set(accepted);
    const held = await inTransaction(async (transaction) => {
      const subscriptions = docs('subscriptions', transaction);
      const now = currentTime();
      const after: SubscriptionDoc[] = [];
      for (const key of SUBSCRIBE_KEYS) {
        const id = subscriptionId(openid, key);
        const current = await subscriptions.get(id);
        if (!wanted.has(key)) {
          if (current) after.push(current);
          continue;
        }
        const count = Math.min((current?.count ?? 0) + 1, SUBSCRIPTION_COUNT_MAX);
        if (current && current.count === count) {
          after.push(current);
          continue;
        }
        const body = { openid, key, count, updatedAt: now };
        await subscriptions.set(id, body);
        after.push({ _id: id, ...body });
      }
      return after;
    });
    return { counts: countsOf(held) };
  },
});
