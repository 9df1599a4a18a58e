import type { OrderListFilter, OrderStatus } from '../../types';
import { ORDER_INPUTS } from '../../domain/schemas/order';
import { findMany, oneOf } from '../_shared/data';
import { defineAction } from '../_shared/handler';
import { pageOf, pageWindow, readCount } from '../record/paging';
import { staffViewer } from './intake';
import { orderViews } from './views';

/** The statuses each filter shows, and whether the longest waiting comes first (the open ones) or the latest (the rest). */
const FILTERS: Record<OrderListFilter, { statuses: OrderStatus[]; oldestFirst: boolean }> = {
  submitted: { statuses: ['submitted'], oldestFirst: true },
  published: { statuses: ['published'], oldestFirst: true },
  taken: { statuses: ['taken'], oldestFirst: true },
  done: { statuses: ['done'], oldestFirst: true },
  finished: { statuses: ['rated'], oldestFirst: false },
  closed: { statuses: ['rejected', 'merged', 'cancelled'], oldestFirst: false },
};

/** Staff's requests of their community in one state, paged; lists never carry a contact. */
export const listForStaff = defineAction<'order', 'listForStaff'>({
  access: 'staff',
  input: ORDER_INPUTS.listForStaff,
  async run({ filter, ...page }, { openid, communityId }) {
    const { statuses, oldestFirst } = FILTERS[filter];
    const window = pageWindow(page);
    const status = statuses.length === 1 ? statuses[0] : oneOf(statuses);
    const found = await findMany(
      'orders',
      { communityId, status },
      { orderBy: ['updatedAt', oldestFirst ? 'asc' : 'desc'], limit: readCount(window) },
    );
    const paged = pageOf(found, window);
    return { items: await orderViews(paged.items, staffViewer(openid, communityId)), next: paged.next };
  },
});
