import { SUBSCRIBE_KEYS, type SubscribeKey, type SubscriptionDoc } from '../../types';
import { findMany, oneOf } from '../_shared/data';
import { subscriptionId } from '../_shared/notify';

/** How many messages of each kind may still be sent to someone, from their grants (0 where they hold none). */
export function countsOf(held: Array<SubscriptionDoc | null>): Record<SubscribeKey, number> {
  const counts = Object.fromEntries(SUBSCRIBE_KEYS.map((key) => [key, 0])) as Record<SubscribeKey, number>;
  for (const doc of held) {
    if (doc && (SUBSCRIBE_KEYS as readonly string[]).includes(doc.key)) counts[doc.key as SubscribeKey] = doc.count;
  }
  return counts;
}

/** The caller's grants of every kind, in one read. */
export async function grantsOf(openid: string): Promise<Record<SubscribeKey, number>> {
  const ids = SUBSCRIBE_KEYS.map((key) => subscriptionId(openid, key));
  return countsOf(await findMany('subscriptions', { _id: oneOf(ids) }));
}
