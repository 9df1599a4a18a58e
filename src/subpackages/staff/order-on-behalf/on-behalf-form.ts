import type { OrderApi } from '../../../../types';
import { ADDRESS_FIELDS, ORDER_INPUTS, PROFILE_FIELDS } from '../../../../domain/schemas/order';
import { request } from '../../../../domain/schemas/common';
import { fieldErrors, parseInput } from '../../../../domain/schemas/parse';
import {
  type AddressForm,
  type OrderErrors,
  type OrderForm,
  initialOrder,
  validateOrder,
  withoutEmpty,
} from '../../../features/orders/order-form';

export type OnBehalfRequest = OrderApi['postOnBehalf']['req'];

/** The resident's name, phone and address, then the request as a resident would write it. */
export interface OnBehalfForm extends AddressForm, OrderForm {
  name: string;
  phone: string;
}

type ContactField = 'name' | 'phone' | keyof AddressForm;
export type OnBehalfErrors = Partial<Record<ContactField, string>> & OrderErrors;

const CONTACT = request({ name: PROFILE_FIELDS.name, phone: PROFILE_FIELDS.phone, ...ADDRESS_FIELDS });

export function emptyForm(): OnBehalfForm {
  return { name: '', phone: '', compound: '', building: '', unit: '', room: '', ...initialOrder() };
}

/**
 * The form's checks: the contact with the function's own schemas, the request as 我要点单 checks it; the request to
 * send, or the first message for each field.
 */
export function validateOnBehalf(
  form: OnBehalfForm,
  now: number = Date.now(),
): { request: OnBehalfRequest | null; errors: OnBehalfErrors } {
  const { name, phone, compound, building, unit, room, ...order } = form;
  const contact = parseInput(CONTACT, { name, phone, compound, building, unit, room });
  const checked = validateOrder(order, now);
  const errors: OnBehalfErrors = withoutEmpty({ ...fieldErrors(contact), ...checked.errors });
  if (!contact.success || !checked.request) return { request: null, errors };
  const whole = parseInput(ORDER_INPUTS.postOnBehalf, { ...checked.request, contact: contact.data });
  if (!whole.success) return { request: null, errors: { text: Object.values(whole.fieldErrors)[0] } };
  return { request: whole.data, errors: {} };
}
