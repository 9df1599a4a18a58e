/**
 * The rules of service that a county may set differently (the `settings` document `serviceRules` overrides any of
 * them); these are the defaults. Hours are kept as whole minutes everywhere and shown as hours.
 */
export interface ServiceRules {
  /** Seconds each sign-in code is shown before the next (5–30). */
  codeSeconds: number;
  /** Minutes before an activity starts from which its sign-in code is accepted. */
  signInEarlyMinutes: number;
  /** A second scan this soon after signing in is taken as the same sign-in, not a sign-out. */
  signOutAfterSeconds: number;
  /** The most a member may report for one China-time day. */
  dailyCapHours: number;
  /** The yearly goal of confirmed hours (the pace expected by today is pro rata over the China-time year). */
  yearlyGoalHours: number;
  /** Cumulative confirmed hours for 1 to 5 stars. */
  starHours: readonly [number, number, number, number, number];
  /** Pending longer than this is highlighted in the stamp queue. */
  highlightAfterHours: number;
  /** Pending longer than this is listed for the county admin. */
  countyAfterHours: number;
}

export const DEFAULT_SERVICE_RULES: ServiceRules = {
  codeSeconds: 10,
  signInEarlyMinutes: 30,
  signOutAfterSeconds: 60,
  dailyCapHours: 12,
  yearlyGoalHours: 48,
  starHours: [100, 300, 600, 1000, 1500],
  highlightAfterHours: 48,
  countyAfterHours: 96,
};

export const CODE_SECONDS_RANGE = { min: 5, max: 30 } as const;

/** Limits of what people type and send for posts, activities and records (the forms and the functions share them). */
export const SERVICE_LIMITS = {
  textMin: 2,
  dutyMax: 200,
  forWhomMax: 60,
  titleMax: 40,
  placeMax: 60,
  descriptionMax: 300,
  reasonMax: 100,
  capacityMax: 500,
  photosMin: 1,
  photosMax: 9,
  /** A batch of confirmations in one call. */
  batchMax: 50,
  /** The longest an activity may run. */
  activityMaxHours: 24,
  radiusMinMeters: 50,
  radiusMaxMeters: 5000,
  pageMax: 50,
} as const;
