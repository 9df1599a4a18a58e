import type { CheckInHistoryItem } from '../../types';
import { findMany } from '../_shared/data';
import { communitiesById } from '../_shared/lookups';
import { removedCommunity } from '../_shared/views';

/** A member's check-ins, the newest `limit` first, as the member sees them. */
export async function checkInHistory(memberId: string, limit = 100): Promise<CheckInHistoryItem[]> {
  const checkIns = await findMany('checkIns', { memberId }, { orderBy: ['checkedInAt', 'desc'], limit });
  const communities = await communitiesById(checkIns.map((item) => item.communityId));
  return checkIns.map((item) => ({
    community: communities.get(item.communityId) ?? removedCommunity(item.communityId),
    status: item.status,
    checkedInAt: item.checkedInAt,
    endedAt: item.endedAt ?? null,
  }));
}
