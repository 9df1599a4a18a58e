import type { StaffHome } from '../../types';
import { endOfChinaDay, startOfChinaDay } from '../../domain/periods';
import { COMMUNITY_INPUTS } from '../../domain/schemas/community';
import { SERVICE_LIMITS } from '../../types/service-rules';
import { currentTime } from '../_shared/clock';
import { countWhere, docs, findMany, within } from '../_shared/data';
import { AppError } from '../_shared/errors';
import { escalatedCount } from '../_shared/escalation';
import { defineAction } from '../_shared/handler';
import { serviceRules } from '../_shared/rules';
import { waitingSummary } from '../_shared/waiting';
import { communitySummary } from '../_shared/views';

const HOUR = 3_600_000;

/**
 * What staff see first: today's activities (China time), the stamp queue's size, oldest wait and how many wait past
 * the highlight limit (measured as the queue measures them), how many members are checked in, and the residents'
 * requests waiting for review or escalated. Counts and a few indexed reads, however long the queue is.
 */
export const staffHome = defineAction<'community', 'staffHome'>({
  access: 'staff',
  input: COMMUNITY_INPUTS.staffHome,
  async run(_input, { communityId }): Promise<StaffHome> {
    const now = currentTime();
    const dayStart = startOfChinaDay(now);
    const dayEnd = endOfChinaDay(now);
    const rules = await serviceRules();
    const [community, activities, waiting, checkedIn, ordersToReview, ordersEscalated] = await Promise.all([
      docs('communities').get(communityId),
      // An activity runs at most a day: one that started yesterday may still be on today.
      findMany(
        'activities',
        { communityId, startsAt: within({ gte: dayStart - SERVICE_LIMITS.activityMaxHours * HOUR, lte: dayEnd }) },
        { orderBy: ['startsAt', 'asc'] },
      ),
      waitingSummary(communityId, now, rules.highlightAfterHours),
      countWhere('members', { communityId, status: 'verified' }),
      countWhere('orders', { communityId, status: 'submitted' }),
      escalatedCount(communityId, now),
    ]);
    if (!community) throw new AppError('COMMUNITY_NOT_FOUND');
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
      ...waiting,
      checkedInCount: checkedIn,
      ordersToReview,
      ordersEscalated,
    };
  },
});
