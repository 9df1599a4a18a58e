import { RECORD_INPUTS } from '../../domain/schemas/record';
import { currentTime } from '../_shared/clock';
import { findMany, within } from '../_shared/data';
import { defineAction } from '../_shared/handler';
import { serviceRules } from '../_shared/rules';
import { temporaryFileUrls } from '../_shared/sdk';
import { waitingAt, waitingSummary } from '../_shared/waiting';
import { pageOf, pageWindow, readCount } from './paging';
import { lookupsFor, peopleOf, queueItem } from './views';

/**
 * The staff member's community's records that wait: pending ones, and attendances past their activity's end (to be
 * stamped as closed at the end), longest waiting first; after them, attendances of activities still on, which cannot
 * be stamped yet. With the queue's size, its oldest wait and how many have waited past the highlight limit.
 */
export const queue = defineAction<'record', 'queue'>({
  access: 'staff',
  input: RECORD_INPUTS.queue,
  async run(page, { openid, communityId }) {
    const now = currentTime();
    const rules = await serviceRules();
    const window = pageWindow(page);
    const count = readCount(window);
    const [waiting, stillOn, summary] = await Promise.all([
      findMany('serviceRecords', waitingAt(communityId, now), { orderBy: ['pendingSince', 'asc'], limit: count }),
      findMany(
        'serviceRecords',
        { communityId, status: 'signedIn', pendingSince: within({ gt: now }) },
        { orderBy: ['pendingSince', 'asc'], limit: count },
      ),
      waitingSummary(communityId, now, rules.highlightAfterHours),
    ]);
    const paged = pageOf([...waiting, ...stillOn], window);
    const [lookups, people, urls] = await Promise.all([
      lookupsFor(paged.items),
      peopleOf(paged.items),
      temporaryFileUrls(paged.items.flatMap((record) => record.photos)),
    ]);
    const context = { openid, now, highlightAfterHours: rules.highlightAfterHours };
    return {
      items: paged.items.map((record) => ({
        ...queueItem(record, lookups, people, context),
        photoUrls: record.photos.map((fileId) => urls.get(fileId) ?? ''),
      })),
      next: paged.next,
      ...summary,
    };
  },
});
