import { type CommunityDoc, type PostDoc, grantOf } from '../../types';
import { POST_INPUTS } from '../../domain/schemas/post';
import { currentTime } from '../_shared/clock';
import { docs, findMany } from '../_shared/data';
import { AppError } from '../_shared/errors';
import { defineAction } from '../_shared/handler';
import { communitySummary } from '../_shared/views';
import { claimantsOf, isOpen, postView } from './views';

/** Open posts first (soonest last day first), then the ended ones (latest first). */
function byOpenThenUntil(now: number) {
  return (a: PostDoc, b: PostDoc) => {
    const openA = isOpen(a, now);
    const openB = isOpen(b, now);
    if (openA !== openB) return openA ? -1 : 1;
    return openA ? a.until - b.until : b.until - a.until;
  };
}

/** A community's posts with their claimants; without `communityId`, the caller's own (checked in, else staff of). */
export const list = defineAction<'post', 'list'>({
  access: 'signedIn',
  input: POST_INPUTS.list,
  async run({ communityId, includeClosed }, { openid }) {
    const [member, user] = await Promise.all([docs('members').get(openid), docs('users').get(openid)]);
    const staffOf = user ? (grantOf(user.grants, 'staff')?.communityId ?? null) : null;
    const checkedInAt = member && member.status !== 'deleted' ? (member.communityId ?? null) : null;
    const wanted = communityId ?? checkedInAt ?? staffOf;
    if (!wanted) return { community: null, posts: [], canManage: false, canClaim: false };
    const community: CommunityDoc | null = await docs('communities').get(wanted);
    if (!community) throw new AppError('COMMUNITY_NOT_FOUND');
    const now = currentTime();
    const found = await findMany(
      'posts',
      includeClosed ? { communityId: wanted } : { communityId: wanted, status: 'open' },
    );
    const posts = found.filter((post) => includeClosed || isOpen(post, now)).sort(byOpenThenUntil(now));
    const claims = await claimantsOf(posts, openid);
    return {
      community: communitySummary(community),
      posts: posts.map((post) => postView(post, claims, now)),
      canManage: staffOf === wanted,
      canClaim: member?.status === 'verified' && member.communityId === wanted,
    };
  },
});
