import type { PostKind } from '../catalogue';
import type { Timestamp } from '../documents';
import type { ActivityStatus, GeoFence, GeoPoint, LocationCheck } from '../service-documents';
import type { CommunitySummary } from './common';

/** Where the signed-in member stands with an activity. */
export type AttendanceState = 'none' | 'signedIn' | 'signedOut';

export interface ActivityView {
  id: string;
  communityId: string;
  title: string;
  place: string;
  startsAt: Timestamp;
  endsAt: Timestamp;
  capacity: number;
  signUpCount: number;
  hasGeo: boolean;
  post: { id: string; kind: PostKind } | null;
  status: ActivityStatus;
  codeSeconds: number;
  me: { signedUp: boolean; attendance: AttendanceState };
}

export interface ActivityInput {
  title: string;
  place: string;
  startsAt: Timestamp;
  endsAt: Timestamp;
  geo: GeoFence | null;
  capacity: number;
  postId: string | null;
  /** 5–30; the county's default when left out. */
  codeSeconds?: number;
}

/** What the staff phone needs to draw the rotating codes, even through a network drop. */
export interface CodeKey {
  activityId: string;
  /** The per-activity secret (64 hex digits): only this activity's staff get it. */
  secret: string;
  codeSeconds: number;
  startsAt: Timestamp;
  endsAt: Timestamp;
  /** The server's clock when it answered: the phone draws codes by the server's time, not its own. */
  serverNow: Timestamp;
}

export interface ScanResult {
  /** `alreadySignedIn`: scanned again within a minute of signing in; `alreadySignedOut`: nothing changed. */
  outcome: 'signedIn' | 'signedOut' | 'alreadySignedIn' | 'alreadySignedOut';
  activity: ActivityView;
  signedInAt: Timestamp;
  signedOutAt: Timestamp | null;
  /** The hours this attendance stands for so far (clipped to the activity's window), in minutes. */
  minutes: number;
  location: LocationCheck;
}

/** One member's attendance at an activity, as its staff see it. */
export interface AttendanceRow {
  recordId: string;
  memberName: string;
  unitName: string;
  signedInAt: Timestamp;
  signedOutAt: Timestamp | null;
  signOutMissing: boolean;
  location: LocationCheck;
  byStaffName: string | null;
}

export interface ActivityApi {
  /** signedIn: a community's activities (the caller's own by default), upcoming and current first, or past ones. */
  list: {
    req: { communityId?: string; when?: 'upcoming' | 'past' };
    res: { community: CommunitySummary | null; activities: ActivityView[]; canManage: boolean };
  };
  /** signedIn: one activity. */
  get: {
    req: { activityId: string };
    res: { activity: ActivityView; community: CommunitySummary; canManage: boolean };
  };
  /** staff: create an activity in their community, or edit one (`activityId`) that has not ended. */
  save: { req: ActivityInput & { activityId?: string }; res: { activity: ActivityView } };
  /** member checked in at the activity's community: sign up, or take the sign-up back (`cancel`). */
  signUp: { req: { activityId: string; cancel?: boolean }; res: { activity: ActivityView } };
  /** staff of the activity's community: the key to draw its rotating sign-in codes with. */
  getCodeKey: { req: { activityId: string }; res: CodeKey };
  /**
   * member checked in at the activity's community: the first scan signs in, a later one signs out. `code` is what the
   * QR carries (or the whole URL); `holdId` redeems a code held while the person signed in to the app.
   */
  scan: { req: { code?: string; holdId?: string; location?: GeoPoint | null }; res: ScanResult };
  /** signedIn: holds a fresh code for someone who must sign in to the app first (redeemable once, for minutes). */
  holdCode: { req: { code: string }; res: { holdId: string; activityTitle: string; expiresAt: Timestamp } };
  /** staff: who attended one of their community's activities. */
  attendance: { req: { activityId: string }; res: { activity: ActivityView; rows: AttendanceRow[] } };
  /** staff: records attendance for a member checked in here who has no phone with them; the record says who made it. */
  recordAttendance: {
    req: { activityId: string; memberId: string; signedInAt: Timestamp; signedOutAt: Timestamp };
    res: { row: AttendanceRow };
  };
}
