import type { PostKind } from '../catalogue';
import type { Timestamp } from '../documents';
import type { RecordSource } from '../service-documents';
import type { CommunitySummary, Paged, PageRequest, UnitSummary } from './common';

/** A stamped line of the 活动证. */
export interface StampedLine {
  recordId: string;
  date: Timestamp;
  what: string;
  source: RecordSource;
  /** Confirmed minutes (a correction's line shows the corrected total). */
  minutes: number;
  communityName: string;
  stampedByName: string;
  stampedAt: Timestamp;
  correctsId: string | null;
}

/** A claimed post and whether the current half-month (1st–15th, 16th–end, China time) has a confirmed service on it. */
export interface ClaimedPostStatus {
  postId: string;
  kind: PostKind;
  duty: string;
  /** 2026年12月上半月 */
  period: string;
  done: boolean;
  /** The previous half-month too, so a member sees a miss. */
  previousDone: boolean;
}

export interface ServiceCardView {
  cardNo: string | null;
  name: string;
  unit: UnitSummary;
  community: CommunitySummary | null;
  posts: ClaimedPostStatus[];
  minutesThisYear: number;
  minutesInAll: number;
  goal: { yearlyHours: number; expectedHoursByToday: number; onPace: boolean };
  /** 0 to 5, with the hours the next star needs (null at 5). */
  star: { level: number; nextAtHours: number | null };
  pendingCount: number;
  rejectedCount: number;
  /** The newest stamped lines; page on with `card.lines`. */
  lines: Paged<StampedLine>;
}

export interface CardApi {
  /** signedIn, registered: the caller's 活动证. */
  get: { req: Record<string, never>; res: ServiceCardView };
  /** signedIn, registered: more stamped lines, newest first. */
  lines: { req: PageRequest; res: Paged<StampedLine> };
}
