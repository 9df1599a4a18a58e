import { RECORD_INPUTS } from '../../domain/schemas/record';
import { currentTime } from '../_shared/clock';
import { countWhere, findMany } from '../_shared/data';
import { defineAction } from '../_shared/handler';
import { serviceRules } from '../_shared/rules';
import { temporaryFileUrls } from '../_shared/sdk';
import { READ_MAX, pageOf, pageWindow } from './paging';
import { lookupsFor, peopleOf, queueItem, waitingSince } from './views';

const HOUR = 3_600_000;

/**
 * The staff member's community's records that wait: pending ones, and attendances still signed in (those past their
 * activity's end wait as closed at the end; those of an activity still on cannot be stamped yet). Oldest first, with
 * the queue's size, its oldest wait and how many have waited past the highlight limit.
 */
export const queue = defineAction<'record', 'queue'>({
  access: 'staff',
  input: RECORD_INPUTS.queue,
  async run(page, { openid, communityId }) {
    const now = currentTime();
    const rules = await serviceRules();
    const window = pageWindow(page);
    const [pending, signedIn, pendingTotal] = await Promise.all([
      findMany(
        'serviceRecords',
        { communityId, status: 'pending' },
        { orderBy: ['createdAt', 'asc'], limit: READ_MAX },
      ),
      findMany(
        'serviceRecords',
        { communityId, status: 'signedIn' },
        { orderBy: ['createdAt', 'asc'], limit: READ_MAX },
      ),
      countWhere('serviceRecords', { communityId, status: 'pending' }),
    ]);
    const waiting = [...pending, ...signedIn];
    const lookups = await lookupsFor(waiting);
    const since = new Map(
      waiting.map((record) => [
        record._id,
        waitingSince(record, record.activityId ? lookups.activities.get(record.activityId) : undefined, now),
      ]),
    );
    // Those that wait come first, oldest first; attendances of activities still on come last.
    const order = (id: string) => since.get(id) ?? Number.MAX_SAFE_INTEGER;
    waiting.sort((a, b) => order(a._id) - order(b._id) || a.createdAt - b.createdAt || (a._id < b._id ? -1 : 1));
    const started = [...since.values()].filter((at): at is number => at !== null);
    const endedSignedIn = signedIn.filter((record) => since.get(record._id) !== null).length;
    const paged = pageOf(waiting, window);
    const [people, urls] = await Promise.all([
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
      pendingCount: pendingTotal + endedSignedIn,
      oldestPendingAt: started.length > 0 ? Math.min(...started) : null,
      highlightCount: started.filter((at) => now - at > rules.highlightAfterHours * HOUR).length,
    };
  },
});
