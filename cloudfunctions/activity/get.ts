import { ACTIVITY_INPUTS } from '../../domain/schemas/activity';
import { docs } from '../_shared/data';
import { AppError } from '../_shared/errors';
import { defineAction } from '../_shared/handler';
import { communitySummary, removedCommunity } from '../_shared/views';
import { activityViewFor, staffCommunityOf } from './views';

/** One activity, with where the caller stands with it and whether they run it. */
export const get = defineAction<'activity', 'get'>({
  access: 'signedIn',
  input: ACTIVITY_INPUTS.get,
  async run({ activityId }, { openid }) {
    const activity = await docs('activities').get(activityId);
    if (!activity) throw new AppError('ACTIVITY_NOT_FOUND');
    const [community, staffCommunity, view] = await Promise.all([
      docs('communities').get(activity.communityId),
      staffCommunityOf(openid),
      activityViewFor(activity, openid),
    ]);
    return {
      activity: view,
      community: community ? communitySummary(community) : removedCommunity(activity.communityId),
      canManage: staffCommunity === activity.communityId,
    };
  },
});
