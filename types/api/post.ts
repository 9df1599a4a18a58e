import type { PostKind } from '../catalogue';
import type { Timestamp } from '../documents';
import type { PostStatus } from '../service-documents';
import type { CommunitySummary } from './common';

/** Someone on a post, as the community's list shows it to everyone: name and unit, never the phone. */
export interface Claimant {
  name: string;
  unitName: string;
}

export interface PostView {
  id: string;
  kind: PostKind;
  duty: string;
  forWhom: string;
  capacity: number;
  until: Timestamp;
  status: PostStatus;
  claimCount: number;
  claimants: Claimant[];
  /** The caller holds a claim on it. */
  mine: boolean;
}

export interface PostInput {
  kind: PostKind;
  duty: string;
  forWhom: string;
  capacity: number;
  /** Any moment of the last China-time day (it is kept as that day's end). */
  until: Timestamp;
}

export interface PostList {
  /** Null when the caller has no community to look at (not checked in, not staff) and named none. */
  community: CommunitySummary | null;
  posts: PostView[];
  /** Staff of this community. */
  canManage: boolean;
  /** A confirmed member checked in here. */
  canClaim: boolean;
}

export interface PostApi {
  /**
   * signedIn: a community's posts, open first, with their claimants; without `communityId`, the caller's own
   * community (checked in, or staff of).
   */
  list: { req: { communityId?: string; includeClosed?: boolean }; res: PostList };
  /** staff: publish a post in their community, or edit one (`postId`). */
  save: { req: PostInput & { postId?: string }; res: { post: PostView } };
  /** staff: close a post of their community (claims stay on record). */
  close: { req: { postId: string }; res: { post: PostView } };
  /** member checked in at the post's community: claim it (capacity holds under concurrent claims). */
  claim: { req: { postId: string }; res: { post: PostView } };
  /** member: leave a post they claimed. */
  leave: { req: { postId: string }; res: { post: PostView } };
}
