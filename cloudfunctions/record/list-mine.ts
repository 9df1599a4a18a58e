import type { ServiceRecordDoc } from '../../types';
import { RECORD_INPUTS } from '../../domain/schemas/record';
import { requireRegistered } from '../_shared/access';
import { type Where, docs, findMany } from '../_shared/data';
import { defineAction } from '../_shared/handler';
import { pageOf, pageWindow, readCount } from './paging';
import { recordViews } from './views';

/** The caller's own records, newest first (by when the service began), optionally of one status. */
export const listMine = defineAction<'record', 'listMine'>({
  access: 'signedIn',
  input: RECORD_INPUTS.listMine,
  async run({ status, ...page }, { openid }) {
    requireRegistered(await docs('members').get(openid));
    const window = pageWindow(page);
    const where: Where<ServiceRecordDoc> = status ? { memberId: openid, status } : { memberId: openid };
    const found = await findMany('serviceRecords', where, { orderBy: ['startAt', 'desc'], limit: readCount(window) });
    const paged = pageOf(found, window);
    return { items: await recordViews(paged.items), next: paged.next };
  },
});
