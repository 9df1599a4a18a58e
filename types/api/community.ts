import type { Timestamp } from '../documents';
import type { CommunitySummary } from './common';

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
}
