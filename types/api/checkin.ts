import type { CheckInStatus, Timestamp } from '../documents';
import type { CommunitySummary } from './common';

export interface CheckInResult {
  /** `checkedIn`: first check-in here; `alreadyCheckedIn`: nothing changed; `transferred`: moved from another community. */
  outcome: 'checkedIn' | 'alreadyCheckedIn' | 'transferred';
  community: CommunitySummary;
  checkedInAt: Timestamp;
  serviceCardNo: string;
  previousCommunity: CommunitySummary | null;
}

export interface CheckInHistoryItem {
  community: CommunitySummary;
  status: CheckInStatus;
  checkedInAt: Timestamp;
  endedAt: Timestamp | null;
}

export interface CheckinApi {
  /**
   * member: check in at a community (idempotent); `transfer` moves an existing check-in here, at most once a day
   * (TRANSFER_TOO_SOON).
   */
  checkIn: { req: { communityId: string; transfer?: boolean }; res: CheckInResult };
  /**
   * signedIn, registered (confirmed or not, else NOT_REGISTERED): every residence community, newest first; the active
   * one (if any) is the one with status `active`.
   */
  getMine: { req: Record<string, never>; res: { history: CheckInHistoryItem[] } };
}
