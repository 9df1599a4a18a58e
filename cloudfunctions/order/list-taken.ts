import { ORDER_INPUTS } from '../../domain/schemas/order';
import { findMany } from '../_shared/data';
import { defineAction } from '../_shared/handler';
import { pageOf, pageWindow, readCount } from '../record/paging';
import { orderViews, viewerOf } from './views';

/** A member: the requests they took (and still hold, in any later state), newest first. */
export const listTaken = defineAction<'order', 'listTaken'>({
  access: 'member',
  input: ORDER_INPUTS.listTaken,
  async run(page, { openid }) {
    const window = pageWindow(page);
    const [found, viewer] = await Promise.all([
      findMany('orders', { takerId: openid }, { orderBy: ['takenAt', 'desc'], limit: readCount(window) }),
      viewerOf(openid),
    ]);
    const paged = pageOf(found, window);
    return { items: await orderViews(paged.items, viewer), next: paged.next };
  },
});
