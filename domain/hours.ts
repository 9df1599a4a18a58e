import type { ServiceRules } from '../types/service-rules';
import { chinaTime } from './time';

/** Minutes as people read hours: 2.5小时, 3小时, 0小时 (to one decimal place). */
export function formatHours(minutes: number): string {
  const hours = Math.round((minutes / 60) * 10) / 10;
  return `${hours}小时`;
}

/** Hours of minutes to one decimal place, as a number. */
export function hoursOf(minutes: number): number {
  return Math.round((minutes / 60) * 10) / 10;
}

/**
 * The star level (0 to 5) that cumulative confirmed minutes reach with the county's thresholds, and the hours the
 * next star needs (null at the top).
 */
export function starLevel(
  minutes: number,
  rules: Pick<ServiceRules, 'starHours'>,
): { level: number; nextAtHours: number | null } {
  const hours = minutes / 60;
  let level = 0;
  for (const threshold of rules.starHours) {
    if (hours >= threshold) level += 1;
    else break;
  }
  return { level, nextAtHours: level < rules.starHours.length ? rules.starHours[level] : null };
}

/** The hours of a yearly goal expected by `now`: pro rata over the China-time year, to one decimal place. */
export function expectedHoursByToday(now: number, yearlyGoalHours: number): number {
  const t = chinaTime(now);
  const start = t.startOf('year').valueOf();
  const end = t.endOf('year').valueOf() + 1;
  const share = (now - start) / (end - start);
  return Math.round(yearlyGoalHours * share * 10) / 10;
}
