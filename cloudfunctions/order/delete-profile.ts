import { randomBytes } from 'node:crypto';
import type { OrderDoc, OrderStatus } from '../../types';
import { ORDER_INPUTS } from '../../domain/schemas/order';
import { audit } from '../_shared/audit';
import { currentTime } from '../_shared/clock';
import { type Patch, type Transaction, docs, idsWhere } from '../_shared/data';
import { defineAction } from '../_shared/handler';
import { subscriptionId } from '../_shared/notify';
import { inTransaction } from '../_shared/transaction';

/** Requests not yet done: deleting the profile withdraws them (a taker sees theirs was withdrawn). */
const WITHDRAWN: readonly OrderStatus[] = ['submitted', 'published', 'taken'];

/** The messages a person holds grants for as a resident: of no use once they have no requests. */
const RESIDENT_MESSAGES = ['orderTaken', 'orderDone'] as const;

/** Requests written per transaction (each is a few writes). */
const CHUNK = 20;

/** Passes over the resident's requests: a request posted while the first ran is found by the next. */
const PASSES = 3;

interface Counts {
  cancelled: number;
  anonymised: number;
}

/**
 * One request let go of its resident: no resident id, no contact. Not yet done: cancelled. Done and waiting for the
 * resident's word: its service record goes to staff without a rating, so they can still decide. Rated and closed ones
 * only lose the link (the board's counters never move).
 */
async function letGo(order: OrderDoc, now: number, transaction: Transaction): Promise<'cancelled' | 'anonymised'> {
  const withdrawn = WITHDRAWN.includes(order.status);
  const change: Patch<OrderDoc> = withdrawn
    ? { residentId: null, status: 'cancelled', cancelledAt: now, updatedAt: now }
    : { residentId: null, updatedAt: now };
  await docs('orders', transaction).update(order._id, change);
  if (order.status === 'done' && order.recordId) {
    const records = docs('serviceRecords', transaction);
    const record = await records.get(order.recordId);
    if (record?.status === 'awaitingRating') {
      await records.update(record._id, { status: 'pending', rating: null, pendingSince: now, updatedAt: now });
    }
  }
  const contacts = docs('orderContacts', transaction);
  if (await contacts.get(order._id)) await contacts.remove(order._id);
  return withdrawn ? 'cancelled' : 'anonymised';
}

/** One transaction over some of the resident's requests; the first also removes the profile and logs the deletion. */
async function deleteChunk(openid: string, ids: string[], first: boolean, counts: Counts): Promise<void> {
  const done = await inTransaction(async (transaction) => {
    const tally: Counts = { cancelled: 0, anonymised: 0 };
    const now = currentTime();
    const orders = docs('orders', transaction);
    for (const id of ids) {
      const order = await orders.get(id);
      // Let go of already (an earlier, interrupted deletion): nothing more to do.
      if (!order || order.residentId !== openid) continue;
      tally[await letGo(order, now, transaction)] += 1;
    }
    if (first) {
      const residents = docs('residents', transaction);
      const resident = await residents.get(openid);
      const subscriptions = docs('subscriptions', transaction);
      for (const key of RESIDENT_MESSAGES) {
        const id = subscriptionId(openid, key);
        if (await subscriptions.get(id)) await subscriptions.remove(id);
      }
      if (resident) {
        await residents.remove(openid);
        const anonId = `anon-${randomBytes(12).toString('hex')}`;
        await audit(
          {
            action: 'resident.deleteData',
            actorId: anonId,
            targetId: anonId,
            detail: { communityId: resident.communityId },
          },
          transaction,
        );
      }
    }
    return tally;
  });
  counts.cancelled += done.cancelled;
  counts.anonymised += done.anonymised;
}

/**
 * The resident deletes their profile: name, phone and address are removed, with every request's contact and their
 * grants for the requests' messages; requests not yet done are cancelled; finished ones stay, anonymised, so the counts
 * stay true. Logged under an anonymous id.
 */
export const deleteProfile = defineAction<'order', 'deleteProfile'>({
  access: 'signedIn',
  input: ORDER_INPUTS.deleteProfile,
  async run(_input, { openid }) {
    const counts: Counts = { cancelled: 0, anonymised: 0 };
    let first = true;
    for (let pass = 0; pass < PASSES; pass++) {
      const ids = await idsWhere('orders', { residentId: openid });
      if (ids.length === 0 && !first) break;
      for (let start = 0; start < Math.max(ids.length, 1); start += CHUNK) {
        await deleteChunk(openid, ids.slice(start, start + CHUNK), first, counts);
        first = false;
      }
    }
    return counts;
  },
});
