import { ACTIVITY_INPUTS } from '../../domain/schemas/activity';
import { SERVICE_LIMITS } from '../../types';
import { currentTime } from '../_shared/clock';
import { docs, findMany, within } from '../_shared/data';
import { AppError } from '../_shared/errors';
import { defineAction } from '../_shared/handler';
import { communitySummary } from '../_shared/views';
import { activityViews, staffCommunityOf } from './views';

const HOUR = 3_600_000;

/**
 * A community's activities: by default the caller's own (where they checked in, else where they work as staff).
 * `upcoming` (not yet ended, soonest first) or `past` (ended, newest first), at most a page of each.
 */
export const list = defineAction<'activity', 'list'>({
  access: 'signedIn',
  input: ACTIVITY_INPUTS.list,
  async run({ communityId: asked, when = 'upcoming' }, { openid }) {
    const [member, staffCommunity] = await Promise.all([docs('members').get(openid), staffCommunityOf(openid)]);
    const ownCommunity = member?.checkedInAt !== undefined ? member.communityId : undefined;
    const communityId = asked ?? ownCommunity ?? staffCommunity;
    if (!communityId) return { community: null, activities: [], canManage: false };
    const community = await docs('communities').get(communityId);
    if (!community) throw new AppError('COMMUNITY_NOT_FOUND');
    const now = currentTime();
    const limit = SERVICE_LIMITS.pageMax;
    // The index is on the start; an activity lasts at most activityMaxHours, so its end follows within that.
    const found =
      when === 'upcoming'
        ? (
            await findMany(
              'activities',
              { communityId, startsAt: within({ gt: now - SERVICE_LIMITS.activityMaxHours * HOUR }) },
              { orderBy: ['startsAt', 'asc'], limit: limit * 2 },
            )
          ).filter((a) => a.endsAt > now)
        : (
            await findMany(
              'activities',
              { communityId, startsAt: within({ lt: now }) },
              { orderBy: ['startsAt', 'desc'], limit: limit * 2 },
            )
          )
            .filter((a) => a.endsAt <= now)
            .sort((a, b) => b.endsAt - a.endsAt);
    return {
      community: communitySummary(community),
      activities: await activityViews(found.slice(0, limit), openid),
      canManage: staffCommunity === communityId,
    };
  },
});
