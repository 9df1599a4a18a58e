import type { ServiceRecordDoc } from '../../types';
import { formatHours } from '../../domain/hours';
import { chinaTime } from '../../domain/time';
import { findMany, oneOf } from '../_shared/data';
import { notify } from '../_shared/notify';
import { lookupsFor } from './views';

/** What a record was, in a few words: the post's kind, the activity's title, or the request's kind. */
async function namesOf(records: ServiceRecordDoc[]): Promise<Map<string, string>> {
  const orderIds = [...new Set(records.map((record) => record.orderId).filter((id): id is string => Boolean(id)))];
  const [lookups, orders] = await Promise.all([
    lookupsFor(records),
    orderIds.length > 0 ? findMany('orders', { _id: oneOf(orderIds) }) : Promise.resolve([]),
  ]);
  const orderKinds = new Map(orders.map((order) => [order._id, order.kind]));
  return new Map(
    records.map((record) => {
      const activity = record.activityId ? lookups.activities.get(record.activityId)?.title : undefined;
      const order = record.orderId ? orderKinds.get(record.orderId) : undefined;
      const post = record.postId ? lookups.posts.get(record.postId)?.kind : undefined;
      const name = record.correctsId ? '服务时长更正' : (activity ?? order ?? post ?? record.description);
      return [record._id, name];
    }),
  );
}

/** `清扫东街等3条`, the name shortened so that the count survives a thing field's 20 characters. */
function withCount(name: string, count: number): string {
  const suffix = `等${count}条`;
  const room = 20 - suffix.length;
  const chars = [...name];
  return `${chars.length > room ? `${chars.slice(0, room - 1).join('')}…` : name}${suffix}`;
}

/**
 * Tells each member whose records were just decided, once per member (a batch of one member's records spends one of
 * their grants): what, 已认定 or 未通过, the hours or the reason, when. Only members who subscribed get it; never
 * throws (the decision stands whatever the message does).
 */
export async function tellMembers(
  records: ServiceRecordDoc[],
  decision: { result: 'confirmed' } | { result: 'rejected'; reason: string },
): Promise<void> {
  try {
    if (records.length === 0) return;
    const names = await namesOf(records);
    const byMember = new Map<string, ServiceRecordDoc[]>();
    for (const record of records) byMember.set(record.memberId, [...(byMember.get(record.memberId) ?? []), record]);
    await Promise.all(
      [...byMember].map(([memberId, own]) => {
        const first = names.get(own[0]._id) ?? own[0].description;
        const what = own.length > 1 ? withCount(first, own.length) : first;
        const decidedAt = chinaTime(own[0].decidedAt ?? own[0].updatedAt).format('YYYY年M月D日 HH:mm');
        const minutes = own.reduce((sum, record) => sum + record.creditMinutes, 0);
        const note =
          decision.result === 'rejected'
            ? decision.reason
            : `${minutes < 0 ? '减少' : '计入'}${formatHours(Math.abs(minutes))}`;
        return notify(memberId, 'recordDecided', {
          what,
          result: decision.result === 'confirmed' ? '已认定' : '未通过',
          note,
          decidedAt,
        });
      }),
    );
  } catch (error) {
    console.error(error);
  }
}
