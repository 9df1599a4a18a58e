import type { PostDoc } from '../../types';
import { POST_INPUTS } from '../../domain/schemas/post';
import { currentTime } from '../_shared/clock';
import { docs } from '../_shared/data';
import { AppError } from '../_shared/errors';
import { defineAction } from '../_shared/handler';
import { inTransaction } from '../_shared/transaction';
import { singlePostView } from './views';

function ownPost(post: PostDoc | null, communityId: string): PostDoc {
  if (!post) throw new AppError('POST_NOT_FOUND');
  if (post.communityId !== communityId) throw new AppError('FORBIDDEN');
  return post;
}

/** Staff close a post of their community: no more claims; the claims it had stay on record. */
export const close = defineAction<'post', 'close'>({
  access: 'staff',
  input: POST_INPUTS.close,
  async run({ postId }, { openid, communityId }) {
    const now = currentTime();
    // Closing again is answered from a plain read.
    const seen = ownPost(await docs('posts').get(postId), communityId);
    if (seen.status === 'closed') return { post: await singlePostView(seen, openid, now) };
    const post = await inTransaction(async (transaction): Promise<PostDoc> => {
      const posts = docs('posts', transaction);
      const found = ownPost(await posts.get(postId), communityId);
      if (found.status === 'closed') return found;
      const change = { status: 'closed', closedAt: now, updatedAt: now } as const;
      await posts.update(postId, change);
      return { ...found, ...change };
    });
    return { post: await singlePostView(post, openid, now) };
  },
});
