import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import type { Timestamp } from '../../types';

dayjs.extend(utc);
dayjs.extend(timezone);

/** Every date the app shows is China time, whatever the phone's or browser's zone. */
export const CHINA_TZ = 'Asia/Shanghai';

/** China has kept UTC+8 without daylight saving since 1991: the fallback where a phone's JS engine lacks Intl zones. */
const CHINA_OFFSET_MINUTES = 8 * 60;

function china(at: Timestamp): dayjs.Dayjs {
  try {
    return dayjs(at).tz(CHINA_TZ);
  } catch {
    return dayjs(at).utcOffset(CHINA_OFFSET_MINUTES);
  }
}

/** 2025年3月8日 */
export function formatDate(at: Timestamp): string {
  return china(at).format('YYYY年M月D日');
}

/** 2025年3月8日 14:05 */
export function formatDateTime(at: Timestamp): string {
  return china(at).format('YYYY年M月D日 HH:mm');
}

/** 14:05 */
export function formatTime(at: Timestamp): string {
  return china(at).format('HH:mm');
}

/** 早上好 / 中午好 / 下午好 / 晚上好, by the hour in China time. */
export function greeting(now: Timestamp = Date.now()): string {
  const hour = china(now).hour();
  if (hour < 5) return '晚上好';
  if (hour < 11) return '早上好';
  if (hour < 13) return '中午好';
  if (hour < 18) return '下午好';
  return '晚上好';
}
