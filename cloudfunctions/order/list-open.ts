import { ORDER_INPUTS } from '../../domain/schemas/order';
import { findMany } from '../_shared/data';
import { defineAction } from '../_shared/handler';
import { pageOf, pageWindow, readCount } from '../record/paging';
import { checkedInCommunity } from './taking';
import { orderViews, viewerOf } from './views';

/** A member checked in at a community: its published requests, soonest wanted first, without any contact. */
export const listOpen = defineAction<'order', 'listOpen'>({
  access: 'member',
  input: ORDER_INPUTS.listOpen,
  async run(page, { openid, member }) {
    const communityId = checkedInCommunity(member);
    const window = pageWindow(page);
    const [found, viewer] = await Promise.all([
      findMany(
        'orders',
        { communityId, status: 'published' },
        { orderBy: ['wantedBy', 'asc'], limit: readCount(window) },
      ),
      viewerOf(openid),
    ]);
    const paged = pageOf(found, window);
    return { items: await orderViews(paged.items, viewer), next: paged.next };
  },
});
