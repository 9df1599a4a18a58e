import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(timezone);

/** Every date rule and every date shown is China time, whatever the server's, phone's or browser's zone. */
export const CHINA_TZ = 'Asia/Shanghai';

/** China has kept UTC+8 without daylight saving since 1991: the fallback where a phone's JS engine lacks Intl zones. */
const CHINA_OFFSET_MINUTES = 8 * 60;

/** A moment read in China time. */
export function chinaTime(at: number = Date.now()): dayjs.Dayjs {
  try {
    return dayjs(at).tz(CHINA_TZ);
  } catch {
    return dayjs(at).utcOffset(CHINA_OFFSET_MINUTES);
  }
}

/** Whole China-time calendar days from `from` to `to`. */
export function daysBetween(from: number, to: number): number {
  return chinaTime(to).startOf('day').diff(chinaTime(from).startOf('day'), 'day');
}

/** Whether two moments fall on the same China-time calendar day. */
export function sameChinaDay(a: number, b: number): boolean {
  return chinaTime(a).format('YYYY-MM-DD') === chinaTime(b).format('YYYY-MM-DD');
}

/** 2025年3月8日 */
export function formatDate(at: number): string {
  return chinaTime(at).format('YYYY年M月D日');
}

/** 14:05 */
export function formatTime(at: number): string {
  return chinaTime(at).format('HH:mm');
}

/** 早上好 / 中午好 / 下午好 / 晚上好, by the hour in China time. */
export function greeting(now: number = Date.now()): string {
  const hour = chinaTime(now).hour();
  if (hour < 5) return '晚上好';
  if (hour < 11) return '早上好';
  if (hour < 13) return '中午好';
  if (hour < 18) return '下午好';
  return '晚上好';
}
