import { type Board, type CommunityDoc, grantOf } from '../../types';
import { BOARD_INPUTS } from '../../domain/schemas/board';
import { currentTime } from '../_shared/clock';
import { countWhere, docs, findMany, oneOf, within } from '../_shared/data';
import { AppError } from '../_shared/errors';
import { defineAction } from '../_shared/handler';
import { doneCounterIds } from '../_shared/order-counts';
import { communitySummary } from '../_shared/views';
import { claimantsOf, postView } from '../post/views';
import { BOARD_LIMITS, boardOrder, pledgeView } from './views';

/** The community the caller belongs to: checked in at, staff of, or lives in (their resident profile). */
async function ownCommunity(openid: string): Promise<string | null> {
  const [member, user, resident] = await Promise.all([
    docs('members').get(openid),
    docs('users').get(openid),
    docs('residents').get(openid),
  ]);
  const checkedInAt = member && member.status !== 'deleted' ? (member.communityId ?? null) : null;
  const staffOf = user ? (grantOf(user.grants, 'staff')?.communityId ?? null) : null;
  return checkedInAt ?? staffOf ?? resident?.communityId ?? null;
}

/** The pledges of the community's confirmed, checked-in members who consented to show them, with their units' names. */
async function pledges(communityId: string): Promise<{ pledges: Board['pledges']; pledgeCount: number }> {
  const where = { communityId, status: 'verified' as const, pledgePublic: true };
  const [members, pledgeCount] = await Promise.all([
    findMany('members', where, { orderBy: ['checkedInAt', 'asc'], limit: BOARD_LIMITS.pledges }),
    countWhere('members', where),
  ]);
  const unitIds = [...new Set(members.map((member) => member.unitId))];
  const units = unitIds.length > 0 ? await findMany('units', { _id: oneOf(unitIds) }) : [];
  const unitNames = new Map(units.map((unit) => [unit._id, unit.name]));
  return { pledges: members.map((member) => pledgeView(member, unitNames)), pledgeCount };
}

/**
 * A community's public board (公示): open posts with their claimants, consented pledges, published requests (never a
 * contact), requests done lately and the done counters. Bounded reads and counts only, so the number of database calls
 * is the same for a community with five requests and one with a hundred thousand.
 */
export const get = defineAction<'board', 'get'>({
  access: 'signedIn',
  input: BOARD_INPUTS.get,
  async run({ communityId }, { openid }) {
    const wanted = communityId ?? (await ownCommunity(openid));
    if (!wanted) return { board: null };
    const community: CommunityDoc | null = await docs('communities').get(wanted);
    if (!community) throw new AppError('COMMUNITY_NOT_FOUND');
    const now = currentTime();
    const counters = doneCounterIds(wanted, now);
    const [posts, pledged, published, publishedCount, recentlyDone, month, all] = await Promise.all([
      findMany(
        'posts',
        { communityId: wanted, status: 'open', until: within({ gte: now }) },
        { orderBy: ['until', 'asc'], limit: BOARD_LIMITS.posts },
      ),
      pledges(wanted),
      findMany(
        'orders',
        // The range holds every published request; it lets the read go down the index and stop at the limit.
        { communityId: wanted, status: 'published', publishedAt: within({ lte: now }) },
        { orderBy: ['publishedAt', 'desc'], limit: BOARD_LIMITS.published },
      ),
      countWhere('orders', { communityId: wanted, status: 'published' }),
      findMany(
        'orders',
        { communityId: wanted, status: 'rated', updatedAt: within({ lte: now }) },
        { orderBy: ['updatedAt', 'desc'], limit: BOARD_LIMITS.recentlyDone },
      ),
      docs('counters').get(counters.month),
      docs('counters').get(counters.all),
    ]);
    const claims = await claimantsOf(posts, openid);
    return {
      board: {
        community: communitySummary(community),
        posts: posts.map((post) => {
          const view = postView(post, claims, now);
          return { id: view.id, kind: view.kind, duty: view.duty, claimants: view.claimants };
        }),
        ...pledged,
        published: published.map(boardOrder),
        publishedCount,
        recentlyDone: recentlyDone.map(boardOrder),
        doneThisMonth: month?.value ?? 0,
        doneInAll: all?.value ?? 0,
      },
    };
  },
});
