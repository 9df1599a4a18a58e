import { randomBytes } from 'node:crypto';
import type { PostDoc } from '../../types';
import { endOfChinaDay } from '../../domain/periods';
import { POST_INPUTS } from '../../domain/schemas/post';
import { currentTime } from '../_shared/clock';
import { docs } from '../_shared/data';
import { AppError } from '../_shared/errors';
import { defineAction } from '../_shared/handler';
import { inTransaction } from '../_shared/transaction';
import { singlePostView } from './views';

/** Staff publish a post in their community, or edit one of its open posts (`postId`). */
export const save = defineAction<'post', 'save'>({
  access: 'staff',
  input: POST_INPUTS.save,
  async run({ postId, kind, duty, forWhom, capacity, until: lastDay }, { openid, communityId }) {
    const now = currentTime();
    const until = endOfChinaDay(lastDay);
    if (until < now) throw new AppError('INVALID_INPUT', '截止日期不能早于今天，请重新选择');
    const fields = { kind, duty, forWhom, capacity, until, updatedAt: now };
    const post = await inTransaction(async (transaction): Promise<PostDoc> => {
      const posts = docs('posts', transaction);
      if (!postId) {
        const created: PostDoc = {
          _id: randomBytes(12).toString('hex'),
          communityId,
          ...fields,
          status: 'open',
          claimCount: 0,
          createdBy: openid,
          createdAt: now,
        };
        await posts.add(created);
        return created;
      }
      const found = await posts.get(postId);
      if (!found) throw new AppError('POST_NOT_FOUND');
      if (found.communityId !== communityId) throw new AppError('FORBIDDEN');
      if (found.status === 'closed') throw new AppError('POST_CLOSED');
      if (capacity < found.claimCount) throw new AppError('CAPACITY_BELOW_CLAIMS');
      await posts.update(postId, fields);
      return { ...found, ...fields };
    });
    return { post: await singlePostView(post, openid, now) };
  },
});
