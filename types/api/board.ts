import type { OrderKind, PostKind } from '../catalogue';
import type { Timestamp } from '../documents';
import type { Claimant } from './post';
import type { CommunitySummary } from './common';

/** A member's public pledge (承诺公示), shown only with their consent: the phone masked. */
export interface PledgeView {
  name: string;
  unitName: string;
  skills: string[];
  pledge: string;
  phoneMasked: string;
}

/** A request as the board shows it: what and where in the community, never who or the door. */
export interface BoardOrder {
  id: string;
  kind: OrderKind;
  text: string;
  compound: string;
  wantedBy: Timestamp;
  /** The moment it was published, or rated (done). */
  at: Timestamp;
  /** Stars the resident gave (done ones); null otherwise. */
  stars: number | null;
}

/** A community's public board (公示). Each list is its first screenful; the counts are the whole. */
export interface Board {
  community: CommunitySummary;
  posts: Array<{ id: string; kind: PostKind; duty: string; claimants: Claimant[] }>;
  pledges: PledgeView[];
  pledgeCount: number;
  published: BoardOrder[];
  publishedCount: number;
  /** Requests done (rated) lately. */
  recentlyDone: BoardOrder[];
  /** Requests done this China-time month (kept when a resident deletes their data). */
  doneThisMonth: number;
  doneInAll: number;
}

export interface BoardApi {
  /** signedIn: a community's board; without `communityId`, the caller's own (checked in, staff of, or lives in). */
  get: { req: { communityId?: string }; res: { board: Board | null } };
}
