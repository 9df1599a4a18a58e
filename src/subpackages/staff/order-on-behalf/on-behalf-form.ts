import type { OrderApi, OrderKind } from '../../../../types';
import { ORDER_LIMITS } from '../../../../types';
import { ADDRESS_FIELDS, ORDER_FIELDS, ORDER_INPUTS, PROFILE_FIELDS } from '../../../../domain/schemas/order';
import { request } from '../../../../domain/schemas/common';
import { parseInput } from '../../../../domain/schemas/parse';
import { chinaTime } from '../../../../domain/time';
import type { Photo } from '../../../features/photos/photos';

export type OnBehalfRequest = OrderApi['postOnBehalf']['req'];

export interface OnBehalfForm {
  name: string;
  phone: string;
  compound: string;
  building: string;
  unit: string;
  room: string;
  kind: OrderKind | '';
  text: string;
  /** YYYY-MM-DD, China time. */
  date: string;
  /** HH:mm, China time. */
  time: string;
  photos: Photo[];
}

export type OnBehalfErrors = Partial<Record<keyof OnBehalfForm, string>>;

const CONTACT = request({ name: PROFILE_FIELDS.name, phone: PROFILE_FIELDS.phone, ...ADDRESS_FIELDS });
const ORDER = request(ORDER_FIELDS);
const CHINA_OFFSET_MS = 8 * 3_600_000;

export function emptyForm(): OnBehalfForm {
  return {
    name: '',
    phone: '',
    compound: '',
    building: '',
    unit: '',
    room: '',
    kind: '',
    text: '',
    date: '',
    time: '',
    photos: [],
  };
}

/** Today in China time, and the last day a request may be wanted by (YYYY-MM-DD). */
export function wantedRange(now: number = Date.now()): { start: string; end: string } {
  const today = chinaTime(now);
  return { start: today.format('YYYY-MM-DD'), end: today.add(ORDER_LIMITS.wantedMaxDays, 'day').format('YYYY-MM-DD') };
}

/** The moment of a China-time date and time of day (China keeps UTC+8 all year). */
export function chinaMoment(date: string, time: string): number | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!d || !t) return null;
  return Date.UTC(+d[1], +d[2] - 1, +d[3], +t[1], +t[2]) - CHINA_OFFSET_MS;
}

/** The form's checks, with the function's own schemas: the request to send, or the first message for each field. */
export function validateOnBehalf(
  form: OnBehalfForm,
  now: number = Date.now(),
): { request: OnBehalfRequest | null; errors: OnBehalfErrors } {
  const contact = parseInput(CONTACT, {
    name: form.name,
    phone: form.phone,
    compound: form.compound,
    building: form.building,
    unit: form.unit,
    room: form.room,
  });
  const wantedBy = chinaMoment(form.date, form.time);
  const order = parseInput(ORDER, {
    kind: form.kind || undefined,
    text: form.text,
    wantedBy: wantedBy ?? undefined,
    photos: form.photos.map((photo) => photo.fileID),
  });
  const orderErrors = order.success ? {} : order.fieldErrors;
  // The wanted time is two pickers: its messages go beside them (below), not under a field of that name.
  const errors: OnBehalfErrors = {
    ...(contact.success ? {} : contact.fieldErrors),
    kind: orderErrors.kind,
    text: orderErrors.text,
    photos: orderErrors.photos,
  };
  if (!form.date) errors.date = '请选择希望办好的日期';
  if (!form.time) errors.time = '请选择希望办好的时间';
  else if (wantedBy !== null && wantedBy <= now) errors.time = '希望办好的时间已经过去，请往后选';
  if (Object.values(errors).some(Boolean)) return { request: null, errors };
  const whole = parseInput(ORDER_INPUTS.postOnBehalf, {
    ...(order.success ? order.data : {}),
    contact: contact.success ? contact.data : {},
  });
  if (!whole.success) return { request: null, errors: { text: Object.values(whole.fieldErrors)[0] } };
  return { request: whole.data, errors: {} };
}
