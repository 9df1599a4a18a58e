import { ORDER_INPUTS } from '../../domain/schemas/order';
import { findMany } from '../_shared/data';
import { defineAction } from '../_shared/handler';
import { pageOf, pageWindow, readCount } from '../record/paging';
import { orderViews } from './views';

/** The caller's own requests, newest first (no contact: the resident knows their own). */
export const listMine = defineAction<'order', 'listMine'>({
  access: 'signedIn',
  input: ORDER_INPUTS.listMine,
  async run(page, { openid }) {
    const window = pageWindow(page);
    const found = await findMany(
      'orders',
      { residentId: openid },
      { orderBy: ['createdAt', 'desc'], limit: readCount(window) },
    );
    const paged = pageOf(found, window);
    // Their own requests: what a view shows of each depends only on it being theirs.
    const viewer = { openid, staffCommunityId: null, memberCommunityId: null };
    return { items: await orderViews(paged.items, viewer), next: paged.next };
  },
});
