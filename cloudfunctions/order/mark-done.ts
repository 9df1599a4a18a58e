import { randomBytes } from 'node:crypto';
import type { OrderDoc } from '../../types';
import { SERVICE_LIMITS } from '../../types/service-rules';
import { ORDER_INPUTS } from '../../domain/schemas/order';
import { currentTime } from '../_shared/clock';
import { docs } from '../_shared/data';
import { AppError } from '../_shared/errors';
import { defineAction } from '../_shared/handler';
import { notify } from '../_shared/notify';
import { newRecord } from '../_shared/records';
import { serviceRules } from '../_shared/rules';
import { addChecked, checkClashes, checkTimes } from '../_shared/service-time';
import { checkPhotos } from '../record/photos';
import { messageTime, orderBody, orderOf, requireTaking } from './taking';
import { oneOrderView, viewerOf } from './views';

/** What the record says it was: 【kind】the taker's note, cut to what a record holds. */
function descriptionOf(order: OrderDoc, note: string): string {
  return [...`【${order.kind}】${note}`].slice(0, SERVICE_LIMITS.descriptionMax).join('');
}

const MINUTE = 60_000;

/**
 * SERVICE_BEFORE_TAKE for a service that starts before the member took the request (hours cannot be claimed for a
 * time before the take). The take counts from its whole minute, the finest time the done form can name.
 */
export function requireAfterTake(order: OrderDoc, startAt: number): void {
  const { takenAt } = order;
  if (takenAt !== null && startAt < takenAt - (takenAt % MINUTE)) throw new AppError('SERVICE_BEFORE_TAKE');
}

/**
 * The taker marks a request done: a note, 0–9 of their own photos, and the time they served (the rules of any service
 * record: after the take, not in the future, one China day, at least a minute, no overlap with their other records, the daily cap).
 * In one transaction, serialised with their other records: the request → `done`, and its service record is added
 * waiting for the resident's rating. The resident is told, if they subscribed.
 */
export const markDone = defineAction<'order', 'markDone'>({
  access: 'member',
  input: ORDER_INPUTS.markDone,
  async run({ orderId, note, photos, startAt, endAt }, { openid, member }) {
    const taken = await orderOf(orderId);
    requireTaking(taken, openid);
    requireAfterTake(taken, startAt);
    const minutes = checkTimes(startAt, endAt, currentTime());
    const rules = await serviceRules();
    await checkPhotos(photos);
    const done = await addChecked(
      openid,
      () => checkClashes(openid, startAt, endAt, minutes, rules),
      async (transaction) => {
        const current = await orderOf(orderId, transaction);
        requireTaking(current, openid);
        requireAfterTake(current, startAt);
        const now = currentTime();
        const recordId = randomBytes(12).toString('hex');
        const record = newRecord(
          {
            _id: recordId,
            communityId: current.communityId,
            memberId: openid,
            unitId: member.unitId,
            source: 'order',
            description: descriptionOf(current, note),
            startAt,
            endAt,
            minutes,
            photos,
            recordedBy: openid,
            recordedByName: member.name,
            byStaff: false,
            orderId,
            status: 'awaitingRating',
          },
          now,
        );
        const order: OrderDoc = {
          ...current,
          status: 'done',
          doneAt: now,
          doneNote: note,
          donePhotos: photos,
          serviceStartAt: startAt,
          serviceEndAt: endAt,
          recordId,
          updatedAt: now,
        };
        await docs('serviceRecords', transaction).add(record);
        await docs('orders', transaction).set(orderId, orderBody(order));
        return order;
      },
    );
    if (done.residentId && done.doneAt !== null) {
      await notify(
        done.residentId,
        'orderDone',
        { kind: done.kind, taker: member.name, doneAt: messageTime(done.doneAt) },
        `id=${done._id}`,
      );
    }
    return { order: await oneOrderView(done, await viewerOf(openid)) };
  },
});
