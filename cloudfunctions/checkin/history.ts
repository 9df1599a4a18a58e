import type { CheckInHistoryItem } from '../../types';
import { findMany } from './collections';
import { communitiesById } from './views';

/** A member's check-ins, the newest `limit` first, as the member sees them. */
export async function checkInHistory(memberId: string, limit = 100): Promise<CheckInHistoryItem[]> {
  const checkIns = await findMany('checkIns', { memberId }, { orderBy: ['checkedInAt', 'desc'], limit });
  const communities = await communitiesById(checkIns.map((item) => item.communityId));
  return checkIns.map((item) => ({
    community: communities.get(item.communityId) ?? { id: item.communityId, name: '已撤销的社区', street: '' },
    status: item.status,
    checkedInAt: item.checkedInAt,
    endedAt: item.endedAt ?? null,
  }));
}
