import type { EscalatedOrder, OrderDoc } from '../../types';
import { ORDER_INPUTS } from '../../domain/schemas/order';
import { currentTime } from '../_shared/clock';
import { findMany } from '../_shared/data';
import { overdueWhere, untakenWhere } from '../_shared/escalation';
import { defineAction } from '../_shared/handler';
import { pageOf, pageWindow, readCount } from '../record/paging';
import { orderViews, viewerOf } from './views';

const HOUR = 3_600_000;

/**
 * Staff: their community's requests published 48 h and untaken, and taken past their wanted time, the longest first
 * (hours since publishing, or since the wanted time). Each kind is read on its own index in its own order, up to the
 * page's end, and the two are merged.
 */
export const escalated = defineAction<'order', 'escalated'>({
  access: 'staff',
  input: ORDER_INPUTS.escalated,
  async run(page, { openid, communityId }) {
    const now = currentTime();
    const window = pageWindow(page);
    const limit = readCount(window);
    const [untaken, overdue, viewer] = await Promise.all([
      findMany('orders', untakenWhere(communityId, now), { orderBy: ['publishedAt', 'asc'], limit }),
      findMany('orders', overdueWhere(communityId, now), { orderBy: ['wantedBy', 'asc'], limit }),
      viewerOf(openid),
    ]);
    const since = (order: OrderDoc, kind: EscalatedOrder['kind']) =>
      kind === 'untaken' ? (order.publishedAt ?? now) : order.wantedBy;
    const all = [
      ...untaken.map((order) => ({ order, kind: 'untaken' as const })),
      ...overdue.map((order) => ({ order, kind: 'overdue' as const })),
    ]
      .map((entry) => ({ ...entry, since: since(entry.order, entry.kind) }))
      .sort((a, b) => a.since - b.since || a.order._id.localeCompare(b.order._id));
    const paged = pageOf(all, window);
    const views = await orderViews(
      paged.items.map((entry) => entry.order),
      viewer,
    );
    return {
      items: paged.items.map((entry, index) => ({
        order: views[index],
        kind: entry.kind,
        hours: Math.max(0, Math.floor((now - entry.since) / HOUR)),
      })),
      next: paged.next,
    };
  },
});
