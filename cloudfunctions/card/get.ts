import type { ClaimedPostStatus, MemberDoc, PostDoc, ServiceCardView } from '../../types';
import { expectedHoursByToday, starLevel } from '../../domain/hours';
import { halfMonthLabel, previousHalfMonth } from '../../domain/periods';
import { CARD_INPUTS } from '../../domain/schemas/card';
import { tallyKeys } from '../../domain/tallies';
import { requireRegistered } from '../_shared/access';
import { currentTime } from '../_shared/clock';
import { countWhere, docs, findMany, oneOf } from '../_shared/data';
import { defineAction } from '../_shared/handler';
import { serviceRules } from '../_shared/rules';
import { readTallies } from '../_shared/tallies';
import { communitySummary, removedCommunity, removedUnit, unitSummary } from '../_shared/views';
import { stampedLines } from './stamped-lines';

/** The member's active claims with each post's current and previous half-month: one query, one read per post. */
async function claimedPosts(member: MemberDoc, now: number): Promise<ClaimedPostStatus[]> {
  const claims = await findMany('postClaims', { memberId: member._id, status: 'active' });
  if (claims.length === 0) return [];
  const posts = await findMany('posts', { _id: oneOf(claims.map((claim) => claim.postId)) });
  const previous = previousHalfMonth(now);
  const keysOf = (post: PostDoc) => [
    tallyKeys.memberPostHalf(member._id, post._id, now),
    tallyKeys.memberPostHalf(member._id, post._id, previous),
  ];
  const totals = await readTallies(posts.flatMap(keysOf));
  const period = halfMonthLabel(now);
  return posts
    .sort((a, b) => a.createdAt - b.createdAt)
    .map((post) => {
      const [current, before] = keysOf(post);
      return {
        postId: post._id,
        kind: post.kind,
        duty: post.duty,
        period,
        done: (totals.get(current)?.records ?? 0) > 0,
        previousDone: (totals.get(before)?.records ?? 0) > 0,
      };
    });
}

/**
 * The caller's 活动证. Totals come from the tallies and counts from indexed queries, so the number of database calls
 * does not grow with the number of records.
 */
export const get = defineAction<'card', 'get'>({
  access: 'signedIn',
  input: CARD_INPUTS.get,
  async run(_input, { openid }): Promise<ServiceCardView> {
    const member = requireRegistered(await docs('members').get(openid));
    const now = currentTime();
    const allKey = tallyKeys.memberAll(member._id);
    const yearKey = tallyKeys.memberYear(member._id, now);
    const [rules, unit, community, posts, totals, pendingCount, rejectedCount, lines] = await Promise.all([
      serviceRules(),
      docs('units').get(member.unitId),
      member.communityId ? docs('communities').get(member.communityId) : Promise.resolve(null),
      claimedPosts(member, now),
      readTallies([allKey, yearKey]),
      countWhere('serviceRecords', { memberId: member._id, status: 'pending' }),
      countWhere('serviceRecords', { memberId: member._id, status: 'rejected' }),
      stampedLines(member._id, undefined),
    ]);
    const minutesInAll = totals.get(allKey)?.minutes ?? 0;
    const minutesThisYear = totals.get(yearKey)?.minutes ?? 0;
    const expected = expectedHoursByToday(now, rules.yearlyGoalHours);
    return {
      cardNo: member.serviceCardNo ?? null,
      name: member.name,
      unit: unit ? unitSummary(unit) : removedUnit(member.unitId),
      community: member.communityId
        ? community
          ? communitySummary(community)
          : removedCommunity(member.communityId)
        : null,
      posts,
      minutesThisYear,
      minutesInAll,
      goal: {
        yearlyHours: rules.yearlyGoalHours,
        expectedHoursByToday: expected,
        onPace: minutesThisYear / 60 >= expected,
      },
      star: starLevel(minutesInAll, rules),
      pendingCount,
      rejectedCount,
      lines,
    };
  },
});
