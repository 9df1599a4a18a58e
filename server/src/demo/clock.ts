import type { Timestamp } from '../../../types';
import { chinaTime } from '../../../domain/time';
import { type Rng, int } from './rng';

export const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Places the demo in time: every moment is some China-time days before the moment of seeding. */
export interface DemoClock {
  /** The moment of seeding. */
  now: Timestamp;
  /** `daysAgo` China-time days ago at hh:mm (a random daytime moment unless given), never later than a minute ago. */
  at(daysAgo: number, hour?: number, minute?: number): Timestamp;
}

/** A clock for `now` whose random times of day come from `rng` (so the same `now` gives the same moments). */
export function demoClock(now: Timestamp, rng: Rng): DemoClock {
  const todayStart = chinaTime(now).startOf('day').valueOf();
  return {
    now,
    at: (daysAgo, hour = int(rng, 8, 20), minute = int(rng, 0, 59)) =>
      Math.min(todayStart - daysAgo * DAY + hour * HOUR + minute * MINUTE, now - MINUTE),
  };
}
