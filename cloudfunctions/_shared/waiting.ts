import type { RecordStatus, ServiceRecordDoc } from '../../types';
import { countWhere, findMany, oneOf, type Where, within } from './data';

const HOUR = 3_600_000;

/** Records that can wait for staff: pending ones, and attendances still signed in (they wait from the activity's end). */
const WAITING: readonly RecordStatus[] = ['pending', 'signedIn'];

/** The records waiting for staff at `now` (all communities when `communityId` is null). */
export function waitingAt(communityId: string | null, now: number): Where<ServiceRecordDoc> {
  return {
    ...(communityId === null ? {} : { communityId }),
    status: oneOf(WAITING),
    pendingSince: within({ lte: now }),
  };
}

export interface WaitingSummary {
  pendingCount: number;
  oldestPendingAt: number | null;
  /** Waiting longer than `highlightAfterHours`. */
  highlightCount: number;
}

/** How many of a community's records wait, since when the oldest, and how many too long: three indexed reads. */
export async function waitingSummary(
  communityId: string,
  now: number,
  highlightAfterHours: number,
): Promise<WaitingSummary> {
  const [pendingCount, oldest, highlightCount] = await Promise.all([
    countWhere('serviceRecords', waitingAt(communityId, now)),
    findMany('serviceRecords', waitingAt(communityId, now), { orderBy: ['pendingSince', 'asc'], limit: 1 }),
    countWhere('serviceRecords', waitingAt(communityId, now - highlightAfterHours * HOUR)),
  ]);
  return { pendingCount, oldestPendingAt: oldest[0]?.pendingSince ?? null, highlightCount };
}
