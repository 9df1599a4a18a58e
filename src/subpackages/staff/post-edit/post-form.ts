import { type PostInput, type PostKind, type PostView } from '../../../../types';
import { CHINA_TZ, chinaTime } from '../../../../domain/time';
import { POST_INPUTS } from '../../../../domain/schemas/post';
import { type FieldErrors, parseInput } from '../../../../domain/schemas/parse';
import dayjs from 'dayjs';

export interface PostForm {
  kind: PostKind | '';
  duty: string;
  forWhom: string;
  capacity: string;
  /** `YYYY-MM-DD`, China time. */
  until: string;
}

export type PostFormErrors = FieldErrors<PostInput>;

/** A China-time day as the date picker shows it. */
export function dayOf(at: number): string {
  return chinaTime(at).format('YYYY-MM-DD');
}

/** Noon of a China-time day (the function keeps the end of that day). */
export function momentOf(day: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return null;
  try {
    return dayjs.tz(`${day} 12:00`, CHINA_TZ).valueOf();
  } catch {
    return Date.parse(`${day}T12:00:00+08:00`);
  }
}

export function initialForm(post: PostView | null): PostForm {
  if (!post) return { kind: '', duty: '', forWhom: '', capacity: '', until: '' };
  return {
    kind: post.kind,
    duty: post.duty,
    forWhom: post.forWhom,
    capacity: String(post.capacity),
    until: dayOf(post.until),
  };
}

/** The request the form makes, checked by the function's own schema, or the first message for each field. */
export function validatePostForm(
  form: PostForm,
  postId: string | null,
): { request: (PostInput & { postId?: string }) | null; errors: PostFormErrors } {
  const capacity = form.capacity.trim() === '' ? undefined : Number(form.capacity.trim());
  const until = momentOf(form.until) ?? undefined;
  const parsed = parseInput(POST_INPUTS.save, {
    kind: form.kind || undefined,
    duty: form.duty,
    forWhom: form.forWhom,
    capacity,
    until,
    ...(postId ? { postId } : {}),
  });
  if (!parsed.success) return { request: null, errors: parsed.fieldErrors };
  return { request: parsed.data, errors: {} };
}
