import type { PostKind } from './catalogue';
import type { OrderRating } from './order-documents';
import type { Timestamp } from './documents';
import type { ServiceRules } from './service-rules';

export type PostStatus = 'open' | 'closed';

/** `posts`: a community's standing service post (岗位). */
export interface PostDoc {
  _id: string;
  communityId: string;
  kind: PostKind;
  /** What is done. */
  duty: string;
  /** For whom. */
  forWhom: string;
  capacity: number;
  /** Until when members serve on it (the end of that China-time day). */
  until: Timestamp;
  status: PostStatus;
  /** Active claims, kept here so that capacity holds inside one transaction. */
  claimCount: number;
  createdBy: string;
  createdAt: Timestamp;
  updatedAt: Timestamp;
  closedAt?: Timestamp;
}

/** `postClaims`: a member on a post; `_id` is `<postId>_<memberId>`, so a member holds one claim per post. */
export interface PostClaimDoc {
  _id: string;
  postId: string;
  communityId: string;
  memberId: string;
  unitId: string;
  status: 'active' | 'left';
  claimedAt: Timestamp;
  leftAt?: Timestamp;
}

export interface GeoPoint {
  latitude: number;
  longitude: number;
}

export interface GeoFence extends GeoPoint {
  radiusMeters: number;
}

export type ActivityStatus = 'scheduled' | 'cancelled';

/** `activities`: an organised event of a community; attendance gives hours. */
export interface ActivityDoc {
  _id: string;
  communityId: string;
  title: string;
  place: string;
  startsAt: Timestamp;
  endsAt: Timestamp;
  geo: GeoFence | null;
  capacity: number;
  postId: string | null;
  codeSeconds: number;
  signUpCount: number;
  status: ActivityStatus;
  createdBy: string;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

/** `activitySecrets`: the key of an activity's rotating sign-in codes; `_id` is the activity id. Never in a list. */
export interface ActivitySecretDoc {
  _id: string;
  /** 32 random bytes as 64 hex digits. */
  secret: string;
}

/** `activitySignUps`: `_id` is `<activityId>_<memberId>`. */
export interface ActivitySignUpDoc {
  _id: string;
  activityId: string;
  communityId: string;
  memberId: string;
  at: Timestamp;
}

/**
 * `codeHolds`: a sign-in code that was fresh when it was scanned by someone who had to sign in first; redeemable once,
 * by the first account that redeems it, for a few minutes.
 */
export interface CodeHoldDoc {
  _id: string;
  activityId: string;
  step: number;
  heldAt: Timestamp;
  redeemedBy?: string;
  redeemedAt?: Timestamp;
}

/** `inside`/`outside` the activity's radius, or `unknown` (no location given, or the activity has no geo point). */
export type LocationCheck = 'inside' | 'outside' | 'unknown';

/** How a record of attendance at an activity came about: the evidence staff see before stamping it. */
export interface AttendanceEvidence {
  signedInAt: Timestamp;
  signedOutAt: Timestamp | null;
  /** Never signed out: closed at the activity's end. */
  signOutMissing: boolean;
  signInLocation: LocationCheck;
  signOutLocation: LocationCheck | null;
}

/**
 * `activity`: attendance; `selfReported`: the member's own report; `order`: a resident's request the member did;
 * `correction`: staff correct a confirmed record.
 */
export type RecordSource = 'activity' | 'selfReported' | 'order' | 'correction';

/**
 * `signedIn`: at an activity now (no hours yet); `awaitingRating`: a request marked done, waiting for the resident's
 * word; `pending`: waits for staff; `confirmed` (stamped) and `rejected` are final.
 */
export type RecordStatus = 'signedIn' | 'awaitingRating' | 'pending' | 'confirmed' | 'rejected';

/** `serviceRecords`: a record of service (记实); only a confirmed one counts. */
export interface ServiceRecordDoc {
  _id: string;
  communityId: string;
  memberId: string;
  unitId: string;
  source: RecordSource;
  postId: string | null;
  activityId: string | null;
  description: string;
  startAt: Timestamp;
  endAt: Timestamp;
  /** The hours this record stands for, in minutes. */
  minutes: number;
  /** What its confirmation adds to the totals: `minutes`, or for a correction the difference it makes. */
  creditMinutes: number;
  /** fileIDs of the photos (self-reported service). */
  photos: string[];
  attendance: AttendanceEvidence | null;
  /** Who made the record (the member, or staff for a member without a phone). */
  recordedBy: string;
  recordedByName: string;
  byStaff: boolean;
  /** The confirmed record this one corrects. */
  correctsId: string | null;
  /** The resident's request this record is the service of (source `order`). */
  orderId: string | null;
  /** The resident's rating of that request: evidence for staff. */
  rating: OrderRating | null;
  status: RecordStatus;
  /**
   * When the record began to wait for staff: the report, staff's recording, the sign-out — or, for an attendance still
   * signed in, its activity's end. The queue, the staff home and the county's list all measure waits from it.
   */
  pendingSince: Timestamp;
  createdAt: Timestamp;
  updatedAt: Timestamp;
  decidedBy?: string;
  decidedByName?: string;
  decidedAt?: Timestamp;
  rejectReason?: string;
  /** The record's place in its community's ledger. */
  ledgerSeq?: number;
}

/** `ledgerEntries`: one per confirmation, chained per community; `_id` is `<communityId>-<seq, 10 digits>`. */
export interface LedgerEntryDoc {
  _id: string;
  communityId: string;
  seq: number;
  recordId: string;
  /** SHA-256 of the record's content as confirmed (domain/ledger.ts). */
  recordHash: string;
  prevHash: string;
  hash: string;
  at: Timestamp;
}

/** `ledgerHeads`: the end of each community's chain; `_id` is the community id. */
export interface LedgerHeadDoc {
  _id: string;
  seq: number;
  hash: string;
  updatedAt: Timestamp;
}

/**
 * `tallies`: totals of confirmed minutes that views read instead of the records. `key` names what is counted
 * (domain/tallies.ts); busy totals (a unit's or community's quarter) are split over shards that views add up.
 */
export interface TallyDoc {
  _id: string;
  key: string;
  shard: number;
  minutes: number;
  records: number;
}

/** `settings`: `serviceRules` overrides any of the defaults. */
export interface SettingsDoc extends Partial<Omit<ServiceRules, 'starHours'>> {
  _id: string;
  starHours?: [number, number, number, number, number];
}
