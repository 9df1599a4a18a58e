import {
  ORDER_LIMITS,
  type MarkDoneInput,
  type OrderInput,
  type OrderKind,
  type ResidentProfileInput,
  type ResidentProfileView,
} from '../../../types';
import { request } from '../../../domain/schemas/common';
import { DONE_FIELDS, ORDER_FIELDS, profileRequest } from '../../../domain/schemas/order';
import { fieldErrors, parseInput } from '../../../domain/schemas/parse';
import { chinaTime } from '../../../domain/time';
import type { Photo } from '../photos/photos';

/** The four parts of a resident's address, as the profile and the on-behalf form keep them. */
export interface AddressForm {
  compound: string;
  building: string;
  unit: string;
  room: string;
}

const CHINA_OFFSET_MS = 8 * 3600_000;
const DAY = 86_400_000;

/** The moment of a China-time date (YYYY-MM-DD) and time of day (HH:mm); China keeps UTC+8 all year. */
export function chinaMoment(date: string, time: string): number | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!d || !t) return null;
  return Date.UTC(+d[1], +d[2] - 1, +d[3], +t[1], +t[2]) - CHINA_OFFSET_MS;
}

/** A China-time day as YYYY-MM-DD. */
export function chinaDay(at: number = Date.now()): string {
  return chinaTime(at).format('YYYY-MM-DD');
}

/** The messages of a form's fields that have one. */
export function withoutEmpty<E extends Record<string, string | undefined>>(errors: E): Partial<E> {
  return Object.fromEntries(Object.entries(errors).filter(([, message]) => message)) as Partial<E>;
}

/* ---------- 我要点单 ---------- */

export interface OrderForm {
  kind: OrderKind | '';
  text: string;
  /** YYYY-MM-DD and HH:mm, China time. */
  date: string;
  time: string;
  photos: Photo[];
}

export type OrderErrors = Partial<Record<'kind' | 'text' | 'date' | 'time' | 'photos', string>>;

export function initialOrder(): OrderForm {
  return { kind: '', text: '', date: '', time: '', photos: [] };
}

/** The latest day a request may be wanted by. */
export function lastWantedDay(now: number = Date.now()): string {
  return chinaDay(now + ORDER_LIMITS.wantedMaxDays * DAY);
}

const orderRequest = request(ORDER_FIELDS);

/** The form's checks: order.post's own schema, and a wanted time that lies ahead (the function checks it again). */
export function validateOrder(
  form: OrderForm,
  now: number = Date.now(),
): { errors: OrderErrors; request: OrderInput | null } {
  const wantedBy = chinaMoment(form.date, form.time);
  const result = parseInput(orderRequest, {
    kind: form.kind,
    text: form.text,
    wantedBy: wantedBy ?? 0,
    photos: form.photos.map((photo) => photo.fileID),
  });
  const found = fieldErrors(result);
  const errors: OrderErrors = {
    kind: form.kind ? found.kind : '请选择需求类别',
    text: found.text,
    photos: found.photos,
    date: form.date ? undefined : '请选择哪一天',
    time: form.time ? undefined : '请选择几点',
  };
  if (wantedBy !== null) {
    if (wantedBy <= now) errors.time = '希望办好的时间要晚于现在';
    else if (wantedBy > now + ORDER_LIMITS.wantedMaxDays * DAY) {
      errors.date = `最多选${ORDER_LIMITS.wantedMaxDays}天以内`;
    }
  }
  const clean = withoutEmpty(errors);
  if (Object.keys(clean).length > 0 || !result.success) return { errors: clean, request: null };
  return { errors: clean, request: result.data };
}

/* ---------- 居民资料 ---------- */

export interface ProfileForm {
  name: string;
  phone: string;
  /** WeChat's phone button handed a one-time code (mini-program). */
  phoneCode: string;
  communityId: string;
  compound: string;
  building: string;
  unit: string;
  room: string;
}

export type ProfileField = 'name' | 'phone' | 'communityId' | 'compound' | 'building' | 'unit' | 'room';
export type ProfileErrors = Partial<Record<ProfileField, string>>;

export function initialProfile(profile: ResidentProfileView | null, name: string | null): ProfileForm {
  return {
    name: profile?.name ?? name ?? '',
    phone: profile?.phone ?? '',
    phoneCode: '',
    communityId: profile?.community.id ?? '',
    compound: profile?.compound ?? '',
    building: profile?.building ?? '',
    unit: profile?.unit ?? '',
    room: profile?.room ?? '',
  };
}

/** The form's checks: order.saveProfile's own schema; sends the request as the schema tidied it. */
export function validateProfile(form: ProfileForm): { errors: ProfileErrors; request: ResidentProfileInput | null } {
  const { phoneCode, phone, ...rest } = form;
  const typed = { ...rest, ...(phoneCode ? { phoneCode } : { phone }) };
  const result = parseInput(profileRequest, typed);
  if (result.success) return { errors: {}, request: result.data };
  const found = fieldErrors(result);
  const errors: ProfileErrors = {
    name: found.name,
    phone: found.phone ?? found.phoneCode,
    communityId: found.communityId,
    compound: found.compound,
    building: found.building,
    unit: found.unit,
    room: found.room,
  };
  return { errors: withoutEmpty(errors), request: null };
}

/* ---------- 办好了 ---------- */

export interface DoneForm {
  note: string;
  photos: Photo[];
  date: string;
  start: string;
  end: string;
}

export type DoneErrors = Partial<Record<'note' | 'photos' | 'date' | 'start' | 'end', string>>;

export function initialDone(now: number = Date.now()): DoneForm {
  return { note: '', photos: [], date: chinaDay(now), start: '', end: '' };
}

const doneRequest = request(DONE_FIELDS);

/**
 * The form's checks: order.markDone's own schema, and times that are in order, past and (when the take is known) not
 * before the member took the request, from its whole minute (the function checks again).
 */
export function validateDone(
  orderId: string,
  form: DoneForm,
  now: number = Date.now(),
  takenAt: number | null = null,
): { errors: DoneErrors; request: MarkDoneInput | null } {
  const startAt = chinaMoment(form.date, form.start);
  const endAt = chinaMoment(form.date, form.end);
  const result = parseInput(doneRequest, {
    orderId,
    note: form.note,
    photos: form.photos.map((photo) => photo.fileID),
    startAt: startAt ?? 0,
    endAt: endAt ?? 0,
  });
  const found = fieldErrors(result);
  const errors: DoneErrors = {
    note: found.note,
    photos: found.photos,
    date: form.date ? undefined : '请选择服务日期',
    start: form.start ? undefined : '请选择开始时间',
    end: form.end ? undefined : '请选择结束时间',
  };
  if (form.date && form.date > chinaDay(now)) errors.date = '服务日期不能晚于今天';
  if (takenAt !== null && form.date && form.date < chinaDay(takenAt)) {
    errors.date = `服务日期不能早于您领办的那天（${takenWords(takenAt)}）`;
  } else if (takenAt !== null && startAt !== null && startAt < takenAt - (takenAt % 60_000)) {
    errors.start = `开始时间要在您领办之后（${takenWords(takenAt)}）`;
  }
  if (startAt !== null && endAt !== null) {
    if (endAt <= startAt) errors.end = '结束时间要晚于开始时间';
    else if (endAt > now) errors.end = '结束时间还没到，请办好后再登记';
  }
  const clean = withoutEmpty(errors);
  if (Object.keys(clean).length > 0 || !result.success) return { errors: clean, request: null };
  return { errors: clean, request: result.data };
}

/** When the member took a request, as the done form names it: 12月5日 14:05 (China time). */
export function takenWords(takenAt: number): string {
  return chinaTime(takenAt).format('M月D日 HH:mm');
}

/** A reason (退回、放弃领办) as the schemas count it: 2 to ORDER_LIMITS.reasonMax characters. */
export function reasonError(what: string, reason: string): string | null {
  const count = [...reason.trim()].length;
  if (count < 2) return `请写明${what}，至少2个字`;
  if (count > ORDER_LIMITS.reasonMax) return `${what}最多${ORDER_LIMITS.reasonMax}个字`;
  return null;
}
