import type { OrderKind } from './catalogue';
import type { Timestamp } from './documents';

/** Where a resident lives: the residential compound (shown to members) and the door (shown only to the taker). */
export interface ResidentAddress {
  communityId: string;
  /** 小区 — the only part of the address a published request shows. */
  compound: string;
  /** 楼栋 */
  building: string;
  /** 单元 */
  unit: string;
  /** 房号 */
  room: string;
}

/** `residents`: what a resident gave to post requests; `_id` is their OPENID. Deleted on request. */
export interface ResidentDoc extends ResidentAddress {
  _id: string;
  name: string;
  phone: string;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

/**
 * `submitted`: waits for staff; `published`: members may take it; `taken`: a member is on it; `done`: the member says
 * it is done and the resident (or staff for them) is to confirm; `rated`: confirmed and rated, a service record waits
 * in the stamp queue. `rejected`, `merged` and `cancelled` end it without service.
 */
export type OrderStatus = 'submitted' | 'published' | 'taken' | 'done' | 'rated' | 'rejected' | 'merged' | 'cancelled';

/** The resident's (or staff's, for a resident without a smartphone) word on a finished request. */
export interface OrderRating {
  /** 1–5 stars; null when staff confirmed it for the resident without a rating. */
  stars: number | null;
  comment: string;
  /** `resident` rated it on their phone; `staff` confirmed it for them (recorded as such). */
  by: 'resident' | 'staff';
  byName: string;
  at: Timestamp;
}

/** A member who gave a request back, and why. */
export interface OrderRelease {
  memberId: string;
  memberName: string;
  reason: string;
  at: Timestamp;
}

/** `orders`: a resident's small request (点单). Contact details live apart, in `orderContacts`. */
export interface OrderDoc {
  _id: string;
  communityId: string;
  kind: OrderKind;
  /** What is needed. */
  text: string;
  /** Wanted by (a moment; the form picks a day and time). */
  wantedBy: Timestamp;
  /** fileIDs of the resident's photos (0–3). */
  photos: string[];
  /** The residential compound, the only place a member sees before taking it. */
  compound: string;
  /** The resident's OPENID; null when staff posted it for someone without the app, or after the resident deleted their data. */
  residentId: string | null;
  /** Staff posted it for a resident without a smartphone: who did. */
  onBehalf: { staffId: string; staffName: string } | null;
  status: OrderStatus;
  createdAt: Timestamp;
  updatedAt: Timestamp;
  /** When staff published it (escalation counts 48 h untaken from here; a release starts it again). */
  publishedAt: Timestamp | null;
  reviewedBy: string | null;
  reviewedByName: string | null;
  rejectReason: string | null;
  /** The request this one duplicated. */
  mergedInto: string | null;
  takerId: string | null;
  takerName: string | null;
  /** The taker's phone as the resident sees it (138****1234). */
  takerPhoneMasked: string | null;
  takenAt: Timestamp | null;
  releases: OrderRelease[];
  doneAt: Timestamp | null;
  doneNote: string | null;
  donePhotos: string[];
  /** The time the member served, as they gave it when marking it done (the service record's times). */
  serviceStartAt: Timestamp | null;
  serviceEndAt: Timestamp | null;
  rating: OrderRating | null;
  /** The service record made when it was done (waits for the rating, then for staff). */
  recordId: string | null;
  cancelledAt: Timestamp | null;
}

/**
 * `orderContacts`: who to call and where to go, for one request; `_id` is the order id. Read only for the request's
 * taker and its community's staff; removed when the resident deletes their data.
 */
export interface OrderContactDoc {
  _id: string;
  communityId: string;
  name: string;
  phone: string;
  /** 楼栋、单元、房号, written out. */
  address: string;
}

/** `subscriptions`: one-time subscribe-message grants a user gave; `_id` is `<openid>_<key>`. */
export interface SubscriptionDoc {
  _id: string;
  openid: string;
  key: string;
  /** Messages that may still be sent (each accepted prompt gives one). */
  count: number;
  updatedAt: Timestamp;
}
