import type { OrderDoc } from '../../types';
import { ORDER_LIMITS } from '../../types/limits';
import { type Where, countWhere, within } from './data';

const HOUR = 3_600_000;

/** Published at or before this moment and still untaken: escalated as 'untaken'. */
export function untakenSince(now: number): number {
  return now - ORDER_LIMITS.untakenHours * HOUR;
}

/** A community's published requests published at or before `untakenSince(now)` (index community_status_published). */
export function untakenWhere(communityId: string, now: number): Where<OrderDoc> {
  return { communityId, status: 'published', publishedAt: within({ lte: untakenSince(now) }) };
}

/** A community's taken requests past their wanted time (index community_status_wanted). */
export function overdueWhere(communityId: string, now: number): Where<OrderDoc> {
  return { communityId, status: 'taken', wantedBy: within({ lt: now }) };
}

/**
 * How many of a community's requests wait on staff: published 48 h and untaken, or taken and past their wanted time.
 * Two counts, each on an index (community_status_published, community_status_wanted), so the cost does not grow with
 * the community's finished requests.
 */
export async function escalatedCount(communityId: string, now: number): Promise<number> {
  const [untaken, overdue] = await Promise.all([
    countWhere('orders', untakenWhere(communityId, now)),
    countWhere('orders', overdueWhere(communityId, now)),
  ]);
  return untaken + overdue;
}
