import type { PostDoc } from '../../types';
import { POST_INPUTS } from '../../domain/schemas/post';
import { currentTime } from '../_shared/clock';
import { docs, increment } from '../_shared/data';
import { AppError } from '../_shared/errors';
import { defineAction } from '../_shared/handler';
import { inTransaction } from '../_shared/transaction';
import { claimId, singlePostView } from './views';

/** A member leaves a post they claimed: the place is free again; the claim stays on record as left. */
export const leave = defineAction<'post', 'leave'>({
  access: 'member',
  input: POST_INPUTS.leave,
  async run({ postId }, { openid }) {
    const id = claimId(postId, openid);
    const post = await inTransaction(async (transaction): Promise<PostDoc> => {
      const posts = docs('posts', transaction);
      const claims = docs('postClaims', transaction);
      const found = await posts.get(postId);
      if (!found) throw new AppError('POST_NOT_FOUND');
      const held = await claims.get(id);
      if (held?.status !== 'active') throw new AppError('NOT_CLAIMED');
      const now = currentTime();
      await claims.update(id, { status: 'left', leftAt: now });
      await posts.update(postId, { claimCount: increment(-1), updatedAt: now });
      return { ...found, claimCount: found.claimCount - 1 };
    });
    return { post: await singlePostView(post, openid, currentTime()) };
  },
});
