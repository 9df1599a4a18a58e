import type { MemberStatus, Timestamp } from '../documents';
import type { CommunitySummary, UnitSummary } from './common';

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

export interface UnitApi {
  /** signedIn: the county's units, for the registration picker. */
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
}
