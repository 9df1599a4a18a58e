import type { StaffHome } from '../../types';
import { endOfChinaDay, startOfChinaDay } from '../../domain/periods';
import { COMMUNITY_INPUTS } from '../../domain/schemas/community';
import { SERVICE_LIMITS } from '../../types/service-rules';
import { currentTime } from '../_shared/clock';
import { countWhere, docs, findMany, within } from '../_shared/data';
import { AppError } from '../_shared/errors';
import { defineAction } from '../_shared/handler';
import { serviceRules } from '../_shared/rules';
import { communitySummary } from '../_shared/views';

const HOUR = 3_600_000;

/**
 * What staff see first: today's activities (China time), the stamp queue — pending records and attendance whose
 * activity has ended without a sign-out — with its oldest age and how many wait past the highlight limit, and how many
 * members are checked in. Counts and a few indexed reads, however long the queue is.
 */
export const staffHome = defineAction<'community', 'staffHome'>({
  access: 'staff',
  input: COMMUNITY_INPUTS.staffHome,
  async run(_input, { communityId }): Promise<StaffHome> {
    const now = currentTime();
    const dayStart = startOfChinaDay(now);
    const dayEnd = endOfChinaDay(now);
    const rules = await serviceRules();
    const highlightBefore = now - rules.highlightAfterHours * HOUR;
    const pending = { communityId, status: 'pending' } as const;
    const ended = { communityId, status: 'signedIn', endAt: within({ lte: now }) } as const;
    const [
      community,
      activities,
      pendingCount,
      endedCount,
      oldestPending,
      oldestEnded,
      lateCount,
      lateEnded,
      checkedIn,
    ] = await Promise.all([
      docs('communities').get(communityId),
      // An activity runs at most a day: one that started yesterday may still be on today.
      findMany(
        'activities',
        { communityId, startsAt: within({ gte: dayStart - SERVICE_LIMITS.activityMaxHours * HOUR, lte: dayEnd }) },
        { orderBy: ['startsAt', 'asc'] },
      ),
      countWhere('serviceRecords', pending),
      countWhere('serviceRecords', ended),
      findMany('serviceRecords', pending, { orderBy: ['createdAt', 'asc'], limit: 1 }),
      findMany('serviceRecords', ended, { orderBy: ['endAt', 'asc'], limit: 1 }),
      countWhere('serviceRecords', { ...pending, createdAt: within({ lte: highlightBefore }) }),
      countWhere('serviceRecords', { communityId, status: 'signedIn', endAt: within({ lte: highlightBefore }) }),
      countWhere('members', { communityId, status: 'verified' }),
    ]);
    if (!community) throw new AppError('COMMUNITY_NOT_FOUND');
    const waitingSince = [oldestPending[0]?.createdAt, oldestEnded[0]?.endAt].filter(
      (at): at is number => at !== undefined,
    );
    return {
      community: communitySummary(community),
      todayActivities: activities
        .filter((activity) => activity.status === 'scheduled' && activity.endsAt >= dayStart)
        .map((activity) => ({
          id: activity._id,
          title: activity.title,
          place: activity.place,
          startsAt: activity.startsAt,
          endsAt: activity.endsAt,
        })),
      pendingCount: pendingCount + endedCount,
      oldestPendingAt: waitingSince.length > 0 ? Math.min(...waitingSince) : null,
      highlightCount: lateCount + lateEnded,
      checkedInCount: checkedIn,
    };
  },
});
