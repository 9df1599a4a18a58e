import type { ErrorCode } from './errors';
import type { AuditLogDoc, CheckInStatus, MemberDoc, MemberStatus, Timestamp } from './documents';
import type { Role, ServiceKind } from './roles';

export interface CommunitySummary {
  id: string;
  name: string;
  street: string;
}

export interface UnitSummary {
  id: string;
  name: string;
}

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

export interface Me {
  roles: Role[];
  name: string | null;
  member: MemberProfile | null;
  staffCommunity: CommunitySummary | null;
  adminUnit: UnitSummary | null;
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

/** A member as their unit admin sees them in a list: the phone is masked (138****1234). */
export interface UnitMemberRow {
  memberId: string;
  name: string;
  phoneMasked: string;
  status: MemberStatus;
  registeredAt: Timestamp;
  /**
   * `new`: registered in the last 30 days; `transferred`: moved here from another unit in the last 30 days;
   * `changed`: confirmed before, then changed name or phone, so waiting to be confirmed again; `deleted`: the person
   * deleted their personal information (name and phone are then empty and the row is anonymous).
   */
  flag: 'new' | 'transferred' | 'changed' | 'deleted' | null;
  community: CommunitySummary | null;
  checkedInAt: Timestamp | null;
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

export interface CheckInResult {
  /** `checkedIn`: first check-in here; `alreadyCheckedIn`: nothing changed; `transferred`: moved from another community. */
  outcome: 'checkedIn' | 'alreadyCheckedIn' | 'transferred';
  community: CommunitySummary;
  checkedInAt: Timestamp;
  serviceCardNo: string;
  previousCommunity: CommunitySummary | null;
}

export interface CheckInHistoryItem {
  community: CommunitySummary;
  status: CheckInStatus;
  checkedInAt: Timestamp;
  endedAt: Timestamp | null;
}

/** Every cloud function, its actions, and what each takes and returns. */
export interface Api {
  user: {
    getMe: { req: Record<string, never>; res: Me };
    /**
     * Registers, or saves changes. A rejected member is refused (MEMBER_REJECTED) until the unit admin reverses it;
     * a confirmed member who changes name, phone or unit waits for confirmation again.
     */
    register: { req: RegisterRequest; res: { member: MemberProfile } };
    /** Everything kept about the caller. */
    getMyData: { req: Record<string, never>; res: MyData };
    /**
     * Deletes the caller's personal information (name, phone, skills, pledge, OPENID link) and ends their check-in;
     * an anonymous record stays so that counts and history stay true; the unit admin sees the row as deleted. Logged.
     */
    deleteMyData: { req: { confirm: true }; res: { deletedAt: Timestamp } };
  };
  unit: {
    /** The county's units, for the registration picker. */
    list: { req: Record<string, never>; res: { units: UnitSummary[] } };
    /** unitAdmin: the unit's members, optionally by status (unverified first for confirming). */
    listMembers: { req: { status?: MemberStatus }; res: { unit: UnitSummary; members: UnitMemberRow[] } };
    /**
     * unitAdmin: confirm (or reject) that a registered person is a Party member of the unit; `verify` on a rejected
     * member reverses the rejection (logged as such).
     */
    verifyMember: { req: { memberId: string; decision: 'verify' | 'reject' }; res: { member: UnitMemberRow } };
    /** unitAdmin: members not checked in anywhere, new and transferred members first. */
    listNotCheckedIn: { req: Record<string, never>; res: { unit: UnitSummary; members: UnitMemberRow[] } };
  };
  community: {
    list: { req: Record<string, never>; res: { communities: CommunitySummary[] } };
    /** The community a QR code names, and how the signed-in person stands with it. */
    get: { req: { communityId: string }; res: CommunityView };
    /** staff: their community's permanent QR code. */
    getQrCode: { req: Record<string, never>; res: CommunityQrCode };
  };
  checkin: {
    /**
     * member: check in at a community (idempotent); `transfer` moves an existing check-in here, at most once a day
     * (TRANSFER_TOO_SOON).
     */
    checkIn: { req: { communityId: string; transfer?: boolean }; res: CheckInResult };
    /** member: current community, history and 活动证 number. */
    getMine: {
      req: Record<string, never>;
      res: { current: CheckInHistoryItem | null; history: CheckInHistoryItem[]; serviceCardNo: string | null };
    };
  };
}

export type FunctionName = keyof Api;
export type ActionName<F extends FunctionName> = keyof Api[F] & string;
type Entry<F extends FunctionName, A extends ActionName<F>> = Api[F][A] extends { req: unknown; res: unknown }
  ? Api[F][A]
  : never;
export type RequestOf<F extends FunctionName, A extends ActionName<F>> = Entry<F, A>['req'];
export type ResponseOf<F extends FunctionName, A extends ActionName<F>> = Entry<F, A>['res'];

/** What the client sends as the function's event. */
export interface CallEvent<F extends FunctionName, A extends ActionName<F>> {
  action: A;
  data: RequestOf<F, A>;
}

/** What every function returns. */
export type CallResult<T> = { ok: true; data: T } | { ok: false; code: ErrorCode; message: string };

/** The QR code's target page (no leading slash, as wxacode.getUnlimited wants it). */
export const CHECK_IN_PAGE = 'pages/check-in/index';
