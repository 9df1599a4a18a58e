import type { Timestamp } from '../documents';
import type { CommunitySummary, Paged, PageRequest } from './common';

/** How the signed-in person stands with a community they are looking at. */
export type CheckInState =
  | { state: 'notMember' }
  | { state: 'none' }
  | { state: 'here'; checkedInAt: Timestamp; serviceCardNo: string }
  | { state: 'elsewhere'; community: CommunitySummary; checkedInAt: Timestamp };

export interface CommunityView {
  community: CommunitySummary & { address: string };
  checkedInMembers: number;
  me: CheckInState;
}

export interface CommunityQrCode {
  community: CommunitySummary;
  /** The mini-program code (PNG) as a data URL. */
  image: string;
  scene: string;
  page: string;
}

export interface CommunityApi {
  /** signedIn: the county's communities. */
  list: { req: Record<string, never>; res: { communities: CommunitySummary[] } };
  /** signedIn: the community a QR code names, and how the signed-in person stands with it. */
  get: { req: { communityId: string }; res: CommunityView };
  /** staff: their community's permanent QR code. */
  getQrCode: { req: Record<string, never>; res: CommunityQrCode };
  /** staff: today's activities, the stamp queue's size and oldest age, how many are checked in. */
  staffHome: { req: Record<string, never>; res: StaffHome };
  /** staff: the members checked in at their community (who, which unit, which posts, hours this year), by name. */
  listCheckedIn: { req: PageRequest; res: Paged<CheckedInMemberRow> };
}

/** A member checked in at the community, as its staff see them: the phone masked. */
export interface CheckedInMemberRow {
  memberId: string;
  name: string;
  phoneMasked: string;
  unitName: string;
  posts: string[];
  minutesThisYear: number;
  checkedInAt: Timestamp;
}

/** What staff see first on their phone. */
export interface StaffHome {
  community: CommunitySummary;
  /** Activities that are on today (China time), with their code one tap away. */
  todayActivities: Array<{ id: string; title: string; place: string; startsAt: Timestamp; endsAt: Timestamp }>;
  pendingCount: number;
  oldestPendingAt: Timestamp | null;
  /** Pending over the highlight limit (48 h). */
  highlightCount: number;
  checkedInCount: number;
  /** Residents' requests waiting for staff to publish, merge or reject. */
  ordersToReview: number;
  /** Requests published 48 h untaken, or taken past their wanted time. */
  ordersEscalated: number;
}
