import type { AuditLogDoc, MemberDoc, Timestamp } from '../documents';
import type { Role, ServiceKind } from '../roles';
import type { CheckInHistoryItem } from './checkin';
import type { CommunitySummary, UnitSummary } from './common';

/** The signed-in member's own registration (their own data: the phone is shown in full). */
export interface MemberProfile extends Pick<
  MemberDoc,
  'name' | 'phone' | 'skills' | 'willingness' | 'pledge' | 'pledgePublic' | 'status' | 'registeredAt'
> {
  unit: UnitSummary;
  community: CommunitySummary | null;
  checkedInAt: Timestamp | null;
  serviceCardNo: string | null;
  /** The unit admin's decision (confirmed or rejected): when, and who, so a rejected member knows whom to ask. */
  decidedAt: Timestamp | null;
  decidedByName: string | null;
  /** Confirmed once, then changed name, phone or unit: waiting for the unit admin to confirm again. */
  needsReconfirmation: boolean;
}

/** A granted role as the person sees it: with the community or unit it applies to. */
export type GrantView =
  { role: 'staff'; community: CommunitySummary } | { role: 'unitAdmin'; unit: UnitSummary } | { role: 'countyAdmin' };

export interface Me {
  /** Everything the person is now: `resident` always, `member` while confirmed, and each granted role. */
  roles: Role[];
  name: string | null;
  member: MemberProfile | null;
  /** The granted roles with where they apply. */
  grants: GrantView[];
}

export interface RegisterRequest {
  name: string;
  /** Typed in by hand (11-digit mainland mobile number)… */
  phone?: string;
  /** …or the code from `<Button openType="getPhoneNumber">`; one of the two is required. */
  phoneCode?: string;
  unitId: string;
  skills: string[];
  willingness: ServiceKind[];
  pledge: string;
  pledgePublic: boolean;
}

/** One thing the audit log records about the person (what was done, by whom, when). */
export interface MyAuditEntry {
  action: AuditLogDoc['action'];
  at: Timestamp;
  /** `self` when the person did it; otherwise the name of who did (e.g. the unit admin). */
  byName: string;
}

/** Everything the system keeps about the signed-in person: what 「我的信息」 shows before they delete it. */
export interface MyData {
  /** Granted roles (staff, unit admin, county admin) with the name they were granted under. */
  user: { name: string; roles: Role[]; createdAt: Timestamp } | null;
  member: (MemberProfile & { unitJoinedAt: Timestamp; updatedAt: Timestamp }) | null;
  checkIns: CheckInHistoryItem[];
  serviceCard: { no: string; issuedAt: Timestamp; community: CommunitySummary } | null;
  audit: MyAuditEntry[];
}

export interface UserApi {
  /** signedIn: who the caller is. */
  getMe: { req: Record<string, never>; res: Me };
  /**
   * signedIn: registers, or saves changes. A rejected member is refused (MEMBER_REJECTED) until the unit admin
   * reverses it; a confirmed member who changes name, phone or unit waits for confirmation again.
   */
  register: { req: RegisterRequest; res: { member: MemberProfile } };
  /** signedIn: everything kept about the caller. */
  getMyData: { req: Record<string, never>; res: MyData };
  /**
   * signedIn: deletes the caller's personal information (name, phone, skills, pledge, OPENID link) and ends their
   * check-in; an anonymous record stays so that counts and history stay true; the unit admin sees the row as deleted.
   * Logged.
   */
  deleteMyData: { req: { confirm: true }; res: { deletedAt: Timestamp } };
}
