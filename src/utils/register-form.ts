import { REGISTRATION_LIMITS, type Me, type MemberProfile, type RegisterRequest, type ServiceKind } from '../../types';
import { fieldErrors, parseInput, registerRequest } from '../../domain/schemas/user';
import { charCount, plainText } from '../../domain/text';
import { parseSkills } from './skills';

const { nameMax, pledgeMax } = REGISTRATION_LIMITS;

export interface RegisterForm {
  name: string;
  phone: string;
  phoneCode: string;
  unitId: string;
  skills: string;
  willingness: ServiceKind[];
  pledge: string;
  pledgePublic: boolean;
}

export type RegisterField = 'name' | 'phone' | 'unitId' | 'skills' | 'willingness' | 'pledge';
export type RegisterErrors = Partial<Record<RegisterField, string>>;

/** The fields top to bottom, with the id of the control that takes focus when the field is wrong. */
const FIELD_CONTROLS: Array<[RegisterField, string]> = [
  ['name', 'name'],
  ['phone', 'phone'],
  ['unitId', 'unit'],
  ['skills', 'skills'],
  ['willingness', 'willingness-0'],
  ['pledge', 'pledge'],
];

/** The control of the first (topmost) field in error, or null when there is none. */
export function firstErrorControl(errors: RegisterErrors): string | null {
  return FIELD_CONTROLS.find(([field]) => errors[field])?.[1] ?? null;
}

/** The form as it opens: the member's current registration, or just their name. */
export function initialForm(me: Me | undefined): RegisterForm {
  const member = me?.member;
  return {
    name: member?.name ?? me?.name ?? '',
    phone: member?.phone ?? '',
    phoneCode: '',
    unitId: member?.unit.id ?? '',
    skills: member?.skills.join('、') ?? '',
    willingness: member ? [...member.willingness] : [],
    pledge: member?.pledge ?? '',
    pledgePublic: member?.pledgePublic ?? false,
  };
}

/** Too long, with how long it is now: said while typing, so that nothing is cut short without a word. */
const TOO_LONG = {
  name: { max: nameMax, say: (count: number) => `姓名最多${nameMax}个字，现在是${count}个字` },
  pledge: { max: pledgeMax, say: (count: number) => `承诺最多${pledgeMax}个字，现在是${count}个字，请精简` },
};

/** Only what is too long, so people are told while typing instead of the text being cut short. */
export function overLimitErrors(form: RegisterForm): RegisterErrors {
  const errors: RegisterErrors = {};
  for (const field of ['name', 'pledge'] as const) {
    const count = charCount(plainText(form[field]));
    if (count > TOO_LONG[field].max) errors[field] = TOO_LONG[field].say(count);
  }
  return errors;
}

function withoutEmpty(errors: RegisterErrors): RegisterErrors {
  return Object.fromEntries(Object.entries(errors).filter(([, message]) => message)) as RegisterErrors;
}

/** The request as typed, before user.register's schema tidies and checks it. */
function typedRequest(form: RegisterForm): Partial<Record<keyof RegisterRequest, unknown>> {
  return {
    name: form.name,
    ...(form.phoneCode ? { phoneCode: form.phoneCode } : { phone: form.phone }),
    unitId: form.unitId,
    skills: parseSkills(form.skills),
    willingness: form.willingness,
    pledge: form.pledge,
    pledgePublic: form.pledgePublic,
  };
}

/**
 * Checks the form with user.register's own schema, so the form refuses exactly what the function refuses; sends the
 * request as the schema tidied it.
 */
export function validateForm(form: RegisterForm): { errors: RegisterErrors; request: RegisterRequest | null } {
  const result = parseInput(registerRequest, typedRequest(form));
  if (result.success) return { errors: {}, request: result.data };
  const { phoneCode, ...found } = fieldErrors(result);
  const errors: RegisterErrors = { ...found, phone: found.phone ?? phoneCode, ...overLimitErrors(form) };
  return { errors: withoutEmpty(errors), request: null };
}

/**
 * True when saving would put a confirmed member back in the unit admin's queue: their name, phone or unit changes
 * (a phone from WeChat's button may be a new one).
 */
export function needsReconfirmation(member: MemberProfile | null | undefined, request: RegisterRequest): boolean {
  if (!member || member.status !== 'verified') return false;
  const phoneChanged = request.phoneCode !== undefined || request.phone !== member.phone;
  return request.name !== member.name || phoneChanged || request.unitId !== member.unit.id;
}
