import { randomBytes } from 'node:crypto';
import type { ActivityDoc } from '../../types';
import { ACTIVITY_INPUTS } from '../../domain/schemas/activity';
import { currentTime } from '../_shared/clock';
import { docs } from '../_shared/data';
import { AppError } from '../_shared/errors';
import { defineAction } from '../_shared/handler';
import { serviceRules } from '../_shared/rules';
import { inTransaction } from '../_shared/transaction';
import { activityViewFor } from './views';

/** A post the activity may be linked to: one of this community's, still open (unless it was linked already). */
async function checkPost(postId: string | null, communityId: string, linkedBefore: string | null): Promise<void> {
  if (!postId) return;
  const post = await docs('posts').get(postId);
  if (!post || post.communityId !== communityId) throw new AppError('POST_NOT_FOUND');
  if (post.status === 'closed' && postId !== linkedBefore) throw new AppError('POST_CLOSED');
}

/**
 * Staff create an activity of their community (with the secret of its rotating sign-in codes, kept apart), or edit
 * one that has not ended; the window may not end in the past, and the capacity not fall below the sign-ups.
 */
export const save = defineAction<'activity', 'save'>({
  access: 'staff',
  input: ACTIVITY_INPUTS.save,
  async run({ activityId, codeSeconds, ...fields }, { openid, communityId }) {
    const now = currentTime();
    if (activityId) {
      const before = await docs('activities').get(activityId);
      if (!before) throw new AppError('ACTIVITY_NOT_FOUND');
      if (before.communityId !== communityId) throw new AppError('FORBIDDEN');
      await checkPost(fields.postId, communityId, before.postId);
      const saved = await inTransaction(async (transaction) => {
        const activities = docs('activities', transaction);
        const found = await activities.get(activityId);
        if (!found) throw new AppError('ACTIVITY_NOT_FOUND');
        if (found.status === 'cancelled') throw new AppError('ACTIVITY_CANCELLED');
        if (found.endsAt <= now) throw new AppError('ACTIVITY_OVER');
        if (fields.endsAt <= now) throw new AppError('INVALID_INPUT', '活动的结束时间已经过去了，请重新选择');
        if (fields.capacity < found.signUpCount) {
          throw new AppError('CAPACITY_BELOW_CLAIMS', '名额不能少于已报名的人数');
        }
        const change = { ...fields, codeSeconds: codeSeconds ?? found.codeSeconds, updatedAt: now };
        await activities.update(activityId, change);
        return { ...found, ...change };
      });
      return { activity: await activityViewFor(saved, openid) };
    }
    if (fields.endsAt <= now) throw new AppError('INVALID_INPUT', '活动的结束时间已经过去了，请重新选择');
    await checkPost(fields.postId, communityId, null);
    const activity: ActivityDoc = {
      _id: randomBytes(10).toString('hex'),
      communityId,
      ...fields,
      codeSeconds: codeSeconds ?? (await serviceRules()).codeSeconds,
      signUpCount: 0,
      status: 'scheduled',
      createdBy: openid,
      createdAt: now,
      updatedAt: now,
    };
    await inTransaction(async (transaction) => {
      await docs('activities', transaction).add(activity);
      await docs('activitySecrets', transaction).add({ _id: activity._id, secret: randomBytes(32).toString('hex') });
    });
    return { activity: await activityViewFor(activity, openid) };
  },
});
