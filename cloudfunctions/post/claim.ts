import type { PostDoc } from '../../types';
import { POST_INPUTS } from '../../domain/schemas/post';
import { currentTime } from '../_shared/clock';
import { docs, increment } from '../_shared/data';
import { AppError } from '../_shared/errors';
import { defineAction } from '../_shared/handler';
import { inTransaction } from '../_shared/transaction';
import { claimId, isOpen, singlePostView } from './views';

/**
 * A confirmed member checked in at the post's community claims it. The claim and the post's count are written in one
 * transaction, so that simultaneous claims never fill more places than the post has.
 */
export const claim = defineAction<'post', 'claim'>({
  access: 'member',
  input: POST_INPUTS.claim,
  async run({ postId }, { openid, member }) {
    const id = claimId(postId, openid);
    // A repeated tap is answered from a plain read.
    const [seen, held] = await Promise.all([docs('posts').get(postId), docs('postClaims').get(id)]);
    if (!seen) throw new AppError('POST_NOT_FOUND');
    if (held?.status === 'active') return { post: await singlePostView(seen, openid, currentTime()) };
    if (member.communityId !== seen.communityId) throw new AppError('NOT_CHECKED_IN_HERE');
    const post = await inTransaction(async (transaction): Promise<PostDoc> => {
      const posts = docs('posts', transaction);
      const claims = docs('postClaims', transaction);
      const found = await posts.get(postId);
      if (!found) throw new AppError('POST_NOT_FOUND');
      const now = currentTime();
      if (!isOpen(found, now)) throw new AppError('POST_CLOSED');
      const existing = await claims.get(id);
      if (existing?.status === 'active') return found;
      if (found.claimCount >= found.capacity) throw new AppError('POST_FULL');
      await claims.set(id, {
        postId,
        communityId: found.communityId,
        memberId: openid,
        unitId: member.unitId,
        status: 'active',
        claimedAt: now,
      });
      // The post is the hot document: written last.
      await posts.update(postId, { claimCount: increment(1), updatedAt: now });
      return { ...found, claimCount: found.claimCount + 1 };
    });
    return { post: await singlePostView(post, openid, currentTime()) };
  },
});
