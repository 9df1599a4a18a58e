import { ACTIVITY_INPUTS } from '../../domain/schemas/activity';
import { currentTime } from '../_shared/clock';
import { docs } from '../_shared/data';
import { AppError } from '../_shared/errors';
import { defineAction } from '../_shared/handler';

/**
 * The key the staff phone draws the rotating sign-in codes with (so they keep rotating through a network drop), and
 * the server's clock, by which the phone draws them. Only for staff of the activity's community.
 */
export const getCodeKey = defineAction<'activity', 'getCodeKey'>({
  access: 'staff',
  input: ACTIVITY_INPUTS.getCodeKey,
  async run({ activityId }, { communityId }) {
    const activity = await docs('activities').get(activityId);
    if (!activity) throw new AppError('ACTIVITY_NOT_FOUND');
    if (activity.communityId !== communityId) throw new AppError('FORBIDDEN');
    if (activity.status === 'cancelled') throw new AppError('ACTIVITY_CANCELLED');
    const key = await docs('activitySecrets').get(activityId);
    if (!key) throw new AppError('ACTIVITY_NOT_FOUND');
    return {
      activityId,
      secret: key.secret,
      codeSeconds: activity.codeSeconds,
      startsAt: activity.startsAt,
      endsAt: activity.endsAt,
      serverNow: currentTime(),
    };
  },
});
