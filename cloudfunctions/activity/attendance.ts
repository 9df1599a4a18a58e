import { ACTIVITY_INPUTS } from '../../domain/schemas/activity';
import { currentTime } from '../_shared/clock';
import { docs, findMany } from '../_shared/data';
import { AppError } from '../_shared/errors';
import { defineAction } from '../_shared/handler';
import { attendanceRows } from './attendance-rows';
import { activityViewFor } from './views';

/** Staff of the activity's community: who attended, with the evidence they will stamp by. */
export const attendance = defineAction<'activity', 'attendance'>({
  access: 'staff',
  input: ACTIVITY_INPUTS.attendance,
  async run({ activityId }, { openid, communityId }) {
    const activity = await docs('activities').get(activityId);
    if (!activity) throw new AppError('ACTIVITY_NOT_FOUND');
    if (activity.communityId !== communityId) throw new AppError('FORBIDDEN');
    const records = await findMany('serviceRecords', { activityId });
    const [view, rows] = await Promise.all([
      activityViewFor(activity, openid),
      attendanceRows(records, activity.endsAt, currentTime()),
    ]);
    return { activity: view, rows };
  },
});
