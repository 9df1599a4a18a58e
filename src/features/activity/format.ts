import type { ActivityView, LocationCheck } from '../../../types';
import { formatDate, formatTime, sameChinaDay } from '../../../domain/time';

/** 2025年3月8日 09:00–11:30 (China time); a window over midnight names both days. */
export function activityWindowText(startsAt: number, endsAt: number): string {
  const start = `${formatDate(startsAt)} ${formatTime(startsAt)}`;
  return sameChinaDay(startsAt, endsAt)
    ? `${start}–${formatTime(endsAt)}`
    : `${start}至${formatDate(endsAt)} ${formatTime(endsAt)}`;
}

/** Minutes as hours people read: 2小时, 1.5小时, 0.3小时. */
export function hoursText(minutes: number): string {
  const hours = Math.round((minutes / 60) * 10) / 10;
  return `${hours}小时`;
}

export const LOCATION_TEXT: Record<LocationCheck, string> = {
  inside: '位置在活动范围内',
  outside: '位置不符',
  unknown: '未获取位置',
};

/** Whether the activity's window has ended at `now`. */
export function isOver(activity: Pick<ActivityView, 'endsAt'>, now: number = Date.now()): boolean {
  return activity.endsAt <= now;
}
