import { SERVICE_LIMITS, type ReportRequest } from '../../../../types';
import { charCount } from '../../../../domain/text';
import { chinaTime } from '../../../../domain/time';
import type { Photo } from '../../../features/photos/photos';

export interface ReportForm {
  postId: string;
  /** YYYY-MM-DD, China time. */
  date: string;
  /** HH:mm */
  start: string;
  end: string;
  description: string;
  photos: Photo[];
}

export type ReportErrors = Partial<Record<'postId' | 'date' | 'start' | 'end' | 'description' | 'photos', string>>;

const CHINA_OFFSET_MS = 8 * 3600_000;

/** The moment of a China-time date and time of day (China keeps UTC+8 all year). */
export function chinaMoment(date: string, time: string): number | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!d || !t) return null;
  return Date.UTC(+d[1], +d[2] - 1, +d[3], +t[1], +t[2]) - CHINA_OFFSET_MS;
}

/** Today in China time as YYYY-MM-DD. */
export function chinaToday(now: number = Date.now()): string {
  return chinaTime(now).format('YYYY-MM-DD');
}

export function initialReport(postId: string, now: number = Date.now()): ReportForm {
  return { postId, date: chinaToday(now), start: '', end: '', description: '', photos: [] };
}

/** The form's own checks (the function checks them again, with overlaps and the daily cap). */
export function validateReport(
  form: ReportForm,
  now: number = Date.now(),
): { errors: ReportErrors; request: ReportRequest | null } {
  const errors: ReportErrors = {};
  const { textMin, descriptionMax, photosMin, photosMax } = SERVICE_LIMITS;
  if (!form.postId) errors.postId = '请选择服务的岗位';
  if (!form.date) errors.date = '请选择服务日期';
  else if (form.date > chinaToday(now)) errors.date = '服务日期不能晚于今天';
  if (!form.start) errors.start = '请选择开始时间';
  if (!form.end) errors.end = '请选择结束时间';
  const startAt = chinaMoment(form.date, form.start);
  const endAt = chinaMoment(form.date, form.end);
  if (startAt !== null && endAt !== null && !errors.date) {
    if (endAt <= startAt) errors.end = '结束时间要晚于开始时间';
    else if (endAt > now) errors.end = '结束时间还没到，请服务结束后再记录';
  }
  const chars = charCount(form.description.trim());
  if (chars < textMin) errors.description = `请写一写做了什么，至少${textMin}个字`;
  else if (chars > descriptionMax) errors.description = `最多${descriptionMax}个字，请删减一些`;
  if (form.photos.length < photosMin) errors.photos = '请至少添加1张照片';
  else if (form.photos.length > photosMax) errors.photos = `最多${photosMax}张照片`;
  if (Object.keys(errors).length > 0 || startAt === null || endAt === null) return { errors, request: null };
  return {
    errors,
    request: {
      postId: form.postId,
      startAt,
      endAt,
      description: form.description.trim(),
      photos: form.photos.map((photo) => photo.fileID),
    },
  };
}
