import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(timezone);

export const CHINA_TZ = 'Asia/Shanghai';

/** A moment read in China time, whatever the server's clock zone. */
export function chinaTime(at: number = Date.now()): dayjs.Dayjs {
  return dayjs(at).tz(CHINA_TZ);
}

/** Whole China-time calendar days from `from` to `to`. */
export function daysBetween(from: number, to: number): number {
  return chinaTime(to).startOf('day').diff(chinaTime(from).startOf('day'), 'day');
}

/** Whether two moments fall on the same China-time calendar day. */
export function sameChinaDay(a: number, b: number): boolean {
  return chinaTime(a).format('YYYY-MM-DD') === chinaTime(b).format('YYYY-MM-DD');
}
