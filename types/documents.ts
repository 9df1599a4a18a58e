import type { Grant } from './access';
import type { ServiceKind } from './roles';

/** Every timestamp is milliseconds since the epoch; date rules read it in China time (Asia/Shanghai). */
export type Timestamp = number;

/** `users`: one per person who holds a granted role; `_id` is the WeChat OPENID. */
export interface UserDoc {
  _id: string;
  name: string;
  /** Each granted role with where it applies (one typed list, so a new scoped role is not a new field). */
  grants: Grant[];
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

/** `communities`: `_id` is a short code that is also the `scene` of the community's QR code. */
export interface CommunityDoc {
  _id: string;
  name: string;
  county: string;
  street: string;
  address: string;
  createdAt: Timestamp;
}

/** `units`: work units (机关、企事业单位) whose Party members serve where they live. */
export interface UnitDoc {
  _id: string;
  name: string;
  county: string;
  createdAt: Timestamp;
}

/**
 * `deleted`: the person deleted their personal information; the document stays, under an anonymous id, with no name,
 * phone, skills or pledge, so that counts and history stay true.
 */
export type MemberStatus = 'unverified' | 'verified' | 'rejected' | 'deleted';

/** `members`: a registered in-service Party member; `_id` is the member's OPENID. */
export interface MemberDoc {
  _id: string;
  name: string;
  phone: string;
  unitId: string;
  skills: string[];
  willingness: ServiceKind[];
  pledge: string;
  /** Separate consent to show the pledge on the community's public board. */
  pledgePublic: boolean;
  status: MemberStatus;
  registeredAt: Timestamp;
  /** When the member joined the current unit (registration, or a later change of unit). */
  unitJoinedAt: Timestamp;
  /** Set when the member moved here from another unit: such members are listed first for their new unit admin. */
  previousUnitId?: string;
  /** Who decided (confirmed or rejected) and when; a rejection stands until the unit admin reverses it. */
  verifiedBy?: string;
  verifiedAt?: Timestamp;
  /** Set when a confirmed member changed name, phone or unit: the unit admin must confirm them again. */
  changedAfterVerifyAt?: Timestamp;
  /** The last transfer between communities (at most one a day, China time). */
  lastTransferAt?: Timestamp;
  /** When the person deleted their personal information (status `deleted`). */
  deletedAt?: Timestamp;
  /**
   * The current residence community (one at a time) and its active check-in, kept on the member (a copy of the active
   * checkIns document) because a transaction can read a document by id but cannot query.
   */
  communityId?: string;
  checkInId?: string;
  checkedInAt?: Timestamp;
  /** The 活动证 number, issued at the first check-in and kept through transfers. */
  serviceCardNo?: string;
  updatedAt: Timestamp;
}

/** `ended`: the member deleted their personal information while checked in here. */
export type CheckInStatus = 'active' | 'transferred' | 'ended';

/** `checkIns`: the history of a member's residence communities; at most one is `active`. */
export interface CheckInDoc {
  _id: string;
  memberId: string;
  unitId: string;
  communityId: string;
  status: CheckInStatus;
  checkedInAt: Timestamp;
  endedAt?: Timestamp;
  transferredTo?: string;
}

/** `serviceCards`: the member's 活动证; `_id` is the card number. */
export interface ServiceCardDoc {
  _id: string;
  memberId: string;
  communityId: string;
  issuedAt: Timestamp;
}

/** `counters`: sequences such as the yearly 活动证 numbers. */
export interface CounterDoc {
  _id: string;
  value: number;
}

export type AuditAction =
  | 'member.verify'
  | 'member.reject'
  /** The unit admin reversed an earlier rejection. */
  | 'member.reverseRejection'
  /** A confirmed member changed name, phone or unit and now waits for the unit admin again. */
  | 'member.needsReconfirmation'
  /** The person deleted their personal information (actor and target are the anonymous id). */
  | 'member.deleteData'
  | 'role.grant'
  /** Staff published, merged or rejected a resident's request, or posted one for a resident. */
  | 'order.publish'
  | 'order.merge'
  | 'order.reject'
  | 'order.postOnBehalf'
  /** Staff confirmed a request done for a resident without a smartphone. */
  | 'order.confirmDone'
  /** The taker or staff opened a request's contact (phone and address). */
  | 'order.readContact'
  /** A resident deleted their profile (the target is the anonymous id). */
  | 'resident.deleteData'
  /** Staff stamped a service record (the target is the record). */
  | 'record.confirm'
  | 'record.reject'
  /** Staff recorded attendance for a member without a phone. */
  | 'record.staffAttendance'
  /** Staff made a correction of a confirmed record (the target is the record corrected). */
  | 'record.correct';

/** `auditLogs`: every grant and every confirmation, with who made it. */
export interface AuditLogDoc {
  _id?: string;
  action: AuditAction;
  actorId: string;
  targetId: string;
  at: Timestamp;
  detail?: Record<string, string | number | boolean | null>;
}
