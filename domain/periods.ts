import { chinaTime } from './time';

/** China-time periods that totals are kept by. */

export function yearOf(at: number): number {
  return chinaTime(at).year();
}

/** `2026-12a` (1st–15th) or `2026-12b` (16th–end), China time. */
export function halfMonthKey(at: number): string {
  const t = chinaTime(at);
  return `${t.format('YYYY-MM')}${t.date() <= 15 ? 'a' : 'b'}`;
}

/** 2026年12月上半月 / 下半月 */
export function halfMonthLabel(at: number): string {
  const t = chinaTime(at);
  return `${t.format('YYYY年M月')}${t.date() <= 15 ? '上半月' : '下半月'}`;
}

/** A moment in the half-month before the one `at` falls in. */
export function previousHalfMonth(at: number): number {
  const t = chinaTime(at);
  return (t.date() <= 15 ? t.startOf('month') : t.startOf('month').add(15, 'day')).valueOf() - 1;
}

/** `2026-12`, China time. */
export function chinaMonthKey(at: number): string {
  return chinaTime(at).format('YYYY-MM');
}

/** `2026Q4`, China time. */
export function quarterKey(at: number): string {
  const t = chinaTime(at);
  return `${t.year()}Q${Math.floor(t.month() / 3) + 1}`;
}

/** The end (last millisecond) of the China-time day `at` falls in. */
export function endOfChinaDay(at: number): number {
  return chinaTime(at).endOf('day').valueOf();
}

/** The start of the China-time day `at` falls in. */
export function startOfChinaDay(at: number): number {
  return chinaTime(at).startOf('day').valueOf();
}
