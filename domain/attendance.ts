/**
 * Hours of attendance at an activity: the time between signing in and signing out, clipped to the activity's window,
 * in whole minutes. A sign-out that never came is taken as the window's end (and flagged by the caller).
 */
export interface ActivityWindow {
  startsAt: number;
  endsAt: number;
}

export function attendanceMinutes(window: ActivityWindow, signedInAt: number, signedOutAt: number | null): number {
  const from = Math.max(window.startsAt, signedInAt);
  const to = Math.min(window.endsAt, signedOutAt ?? window.endsAt);
  return to > from ? Math.floor((to - from) / 60_000) : 0;
}

/** The id of a member's one attendance record at an activity: concurrent sign-ins all meet on this document. */
export function attendanceRecordId(activityId: string, memberId: string): string {
  return `att-${activityId}-${memberId}`;
}

/** Whether a record still `signedIn` is past its activity's end: it then waits for staff as closed at the end. */
export function signOutMissed(endsAt: number, now: number): boolean {
  return now >= endsAt;
}
