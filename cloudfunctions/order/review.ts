import type { AuditLogDoc, OrderDoc, OrderView } from '../../types';
import { audit } from '../_shared/audit';
import { currentTime } from '../_shared/clock';
import { type Patch, type Transaction, docs } from '../_shared/data';
import { AppError } from '../_shared/errors';
import { inTransaction } from '../_shared/transaction';
import { ofCommunity, staffView } from './intake';

/** Staff's decision on a submitted request: what it changes, and how a repeat of it is recognised. */
export interface Decision {
  action: 'order.publish' | 'order.merge' | 'order.reject';
  /** The request already is as this decision leaves it (a repeated tap): answered as it is. */
  done(order: OrderDoc): boolean;
  /** The change, given the moment; may read (and refuse) inside the transaction. */
  change(order: OrderDoc, now: number, transaction: Transaction): Promise<Patch<OrderDoc>>;
  detail?: AuditLogDoc['detail'];
}

/**
 * Staff of the request's community decide on it while it is submitted (ORDER_STATE otherwise): the change, who
 * reviewed it and the audit entry in one transaction. Another community's staff are told it is not found.
 */
export async function review(
  orderId: string,
  staff: { openid: string; name: string; communityId: string },
  decision: Decision,
): Promise<{ order: OrderView }> {
  const seen = ofCommunity(await docs('orders').get(orderId), staff.communityId);
  if (decision.done(seen)) return { order: await staffView(seen, staff.openid) };
  const order = await inTransaction(async (transaction): Promise<OrderDoc> => {
    const orders = docs('orders', transaction);
    const found = ofCommunity(await orders.get(orderId), staff.communityId);
    if (decision.done(found)) return found;
    if (found.status !== 'submitted') throw new AppError('ORDER_STATE');
    const now = currentTime();
    const change = {
      ...(await decision.change(found, now, transaction)),
      reviewedBy: staff.openid,
      reviewedByName: staff.name,
      updatedAt: now,
    };
    await orders.update(orderId, change);
    await audit(
      {
        action: decision.action,
        actorId: staff.openid,
        targetId: orderId,
        detail: { communityId: found.communityId, ...decision.detail },
      },
      transaction,
    );
    return { ...found, ...change } as OrderDoc;
  });
  return { order: await staffView(order, staff.openid) };
}
