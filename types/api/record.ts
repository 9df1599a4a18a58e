import type { OrderKind, PostKind } from '../catalogue';
import type { Timestamp } from '../documents';
import type { OrderRating } from '../order-documents';
import type { AttendanceEvidence, RecordSource, RecordStatus } from '../service-documents';
import type { CommunitySummary, Paged, PageRequest } from './common';

/** A service record as its member sees it. */
export interface RecordView {
  id: string;
  source: RecordSource;
  status: RecordStatus;
  community: CommunitySummary;
  post: { id: string; kind: PostKind } | null;
  activity: { id: string; title: string } | null;
  description: string;
  startAt: Timestamp;
  endAt: Timestamp;
  minutes: number;
  /** fileIDs: show them through the client's tempFileUrl. */
  photos: string[];
  attendance: AttendanceEvidence | null;
  /** The resident's request it served (source `order`), and the resident's rating: evidence for staff. */
  order: { id: string; kind: OrderKind } | null;
  rating: OrderRating | null;
  recordedByName: string;
  byStaff: boolean;
  correctsId: string | null;
  decidedByName: string | null;
  decidedAt: Timestamp | null;
  rejectReason: string | null;
  createdAt: Timestamp;
}

/** A pending record in the stamp queue, with the evidence staff weigh. */
export interface QueueItem extends RecordView {
  memberName: string;
  unitName: string;
  /** 138****1234 */
  phoneMasked: string;
  /** Hours since the record began to wait (the report, or the sign-out / the activity's end). */
  waitingHours: number;
  /** Waiting longer than the county's highlight limit (48 h by default). */
  highlight: boolean;
  /** The caller's own record: they cannot stamp it. */
  own: boolean;
  /** An attendance whose activity is still on: it waits for the sign-out. */
  stillSignedIn: boolean;
  /**
   * Temporary addresses of `photos`, in the same order, handed out by the function: under 仅创建者可读写 staff cannot
   * read a member's uploads themselves (the client's tempFileUrl answers only the uploader). Optional: added later.
   */
  photoUrls?: string[];
}

export interface ReportRequest {
  postId: string;
  startAt: Timestamp;
  endAt: Timestamp;
  description: string;
  /** 1–9 fileIDs of the member's own uploaded photos. */
  photos: string[];
}

export type ConfirmOutcome = 'confirmed' | 'alreadyDecided' | 'stillSignedIn';

export interface ConfirmResult {
  results: Array<{ recordId: string; outcome: ConfirmOutcome }>;
  confirmed: number;
}

/** A pending record the county admin sees because it has waited too long. */
export interface OverdueItem {
  recordId: string;
  community: CommunitySummary;
  memberName: string;
  description: string;
  minutes: number;
  waitingHours: number;
}

export type LedgerProblemKind =
  /** The record no longer has the content it was confirmed with. */
  | 'edited'
  /** The ledger names a record that is gone. */
  | 'deleted'
  /** A record counts as confirmed but no ledger entry stamps it. */
  | 'inserted'
  /** Entries are missing from the chain (cut off its end, or from its middle), or an entry does not link. */
  | 'truncated'
  | 'broken';

export interface LedgerProblem {
  kind: LedgerProblemKind;
  recordId: string | null;
  seq: number | null;
}

export interface LedgerCheck {
  community: CommunitySummary;
  entries: number;
  ok: boolean;
  problems: LedgerProblem[];
}

export interface RecordApi {
  /** member checked in: report self-organised service on a post they hold, with 1–9 photos. */
  report: { req: ReportRequest; res: { record: RecordView } };
  /** signedIn, registered: the caller's own records, newest first, optionally of one status. */
  listMine: { req: PageRequest & { status?: RecordStatus }; res: Paged<RecordView> };
  /** staff: their community's records waiting to be stamped, oldest first, with the queue's size and oldest age. */
  queue: {
    req: PageRequest;
    res: Paged<QueueItem> & { pendingCount: number; oldestPendingAt: Timestamp | null; highlightCount: number };
  };
  /** staff: stamp one record or a batch of up to 50 of their community's (never their own); each applied once. */
  confirm: { req: { recordIds: string[] }; res: ConfirmResult };
  /** staff: reject a pending record with a reason the member sees. */
  reject: { req: { recordId: string; reason: string }; res: { record: RecordView } };
  /** staff: a correction of a confirmed record, as a new pending record that points to it. */
  correct: {
    req: { recordId: string; startAt: Timestamp; endAt: Timestamp; note: string };
    res: { record: RecordView };
  };
  /** countyAdmin: records pending longer than the county limit (96 h), oldest first. */
  overdue: { req: PageRequest; res: Paged<OverdueItem> };
  /** countyAdmin: walks every community's ledger (or one) and names what was changed behind the functions' back. */
  verifyLedger: { req: { communityId?: string }; res: { checkedAt: Timestamp; communities: LedgerCheck[] } };
}
