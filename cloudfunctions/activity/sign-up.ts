import { ACTIVITY_INPUTS } from '../../domain/schemas/activity';
import type { ActivityDoc } from '../../types';
import { currentTime } from '../_shared/clock';
import { docs } from '../_shared/data';
import { AppError } from '../_shared/errors';
import { defineAction } from '../_shared/handler';
import { inTransaction } from '../_shared/transaction';
import { activityViewFor, signUpId } from './views';

function checkOpen(activity: ActivityDoc | null, now: number): ActivityDoc {
  if (!activity) throw new AppError('ACTIVITY_NOT_FOUND');
  if (activity.status === 'cancelled') throw new AppError('ACTIVITY_CANCELLED');
  if (activity.endsAt <= now) throw new AppError('ACTIVITY_OVER');
  return activity;
}

/**
 * A member checked in at the activity's community signs up, or takes the sign-up back (`cancel`). The count on the
 * activity changes in the same transaction as the sign-up, so the capacity holds however many sign up at once.
 */
export const signUp = defineAction<'activity', 'signUp'>({
  access: 'member',
  input: ACTIVITY_INPUTS.signUp,
  async run({ activityId, cancel = false }, { openid, member }) {
    const id = signUpId(activityId, openid);
    const seen = checkOpen(await docs('activities').get(activityId), currentTime());
    if (member.communityId !== seen.communityId || member.checkedInAt === undefined) {
      throw new AppError('NOT_CHECKED_IN_HERE');
    }
    // A repeat is answered from a plain read; a change is decided again inside the transaction.
    const already = (await docs('activitySignUps').get(id)) !== null;
    if (already !== cancel) return { activity: await activityViewFor(seen, openid) };
    const activity = await inTransaction(async (transaction) => {
      const activities = docs('activities', transaction);
      const signUps = docs('activitySignUps', transaction);
      const now = currentTime();
      const found = checkOpen(await activities.get(activityId), now);
      const existing = await signUps.get(id);
      if (cancel) {
        if (!existing) return found;
        await signUps.remove(id);
        const signUpCount = Math.max(0, found.signUpCount - 1);
        await activities.update(activityId, { signUpCount });
        return { ...found, signUpCount };
      }
      if (existing) return found;
      if (found.signUpCount >= found.capacity) throw new AppError('ACTIVITY_FULL');
      await signUps.add({ _id: id, activityId, communityId: found.communityId, memberId: openid, at: now });
      const signUpCount = found.signUpCount + 1;
      await activities.update(activityId, { signUpCount });
      return { ...found, signUpCount };
    });
    return { activity: await activityViewFor(activity, openid) };
  },
});
