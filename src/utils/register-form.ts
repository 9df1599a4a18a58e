import {
  MOBILE_PHONE,
  REGISTRATION_LIMITS,
  type Me,
  type MemberProfile,
  type RegisterRequest,
  type ServiceKind,
} from '../../types';
import { charCount, hasHiddenCharacters, plainPhoneNumber, plainText } from '../../domain/text';
import { parseSkills } from './skills';

const { nameMin, nameMax, pledgeMin, pledgeMax, skillsMax, skillMaxChars } = REGISTRATION_LIMITS;

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

const hidden = (what: string) => `${what}中有看不见的特殊字符，请删除后重新填写`;

function nameError(name: string): string | undefined {
  if (!name) return '请填写姓名';
  if (hasHiddenCharacters(name)) return hidden('姓名');
  if (charCount(name) < nameMin) return `姓名至少${nameMin}个字`;
  if (charCount(name) > nameMax) return `姓名最多${nameMax}个字，现在是${charCount(name)}个字`;
  return undefined;
}

function pledgeError(pledge: string): string | undefined {
  if (!pledge) return '请写一句承诺';
  if (hasHiddenCharacters(pledge)) return hidden('承诺');
  if (charCount(pledge) < pledgeMin) return `承诺至少${pledgeMin}个字`;
  if (charCount(pledge) > pledgeMax) return `承诺最多${pledgeMax}个字，现在是${charCount(pledge)}个字，请精简`;
  return undefined;
}

function skillsError(skills: string[]): string | undefined {
  if (skills.length > skillsMax) return `技能最多填写${skillsMax}项`;
  if (skills.some(hasHiddenCharacters)) return hidden('技能');
  if (skills.some((skill) => charCount(skill) > skillMaxChars)) return `每项技能最多${skillMaxChars}个字`;
  return undefined;
}

/** Only what is too long, so people are told while typing instead of the text being cut short. */
export function overLimitErrors(form: RegisterForm): RegisterErrors {
  const errors: RegisterErrors = {};
  const name = plainText(form.name);
  const pledge = plainText(form.pledge);
  if (charCount(name) > nameMax) errors.name = nameError(name);
  if (charCount(pledge) > pledgeMax) errors.pledge = pledgeError(pledge);
  return errors;
}

/** Checks the form the way the server will, so most mistakes are shown before sending; sends what it checked. */
export function validateForm(form: RegisterForm): { errors: RegisterErrors; request: RegisterRequest | null } {
  const name = plainText(form.name);
  const phone = plainPhoneNumber(form.phone);
  const skills = parseSkills(form.skills).map(plainText);
  const pledge = plainText(form.pledge);

  const found: RegisterErrors = {
    name: nameError(name),
    phone: form.phoneCode
      ? undefined
      : !phone
        ? '请填写手机号'
        : MOBILE_PHONE.test(phone)
          ? undefined
          : '请填写11位手机号',
    unitId: form.unitId ? undefined : '请选择工作单位',
    skills: skillsError(skills),
    willingness: form.willingness.length === 0 ? '请至少选择一种愿意参与的服务' : undefined,
    pledge: pledgeError(pledge),
  };
  const errors = Object.fromEntries(Object.entries(found).filter(([, message]) => message)) as RegisterErrors;
  if (Object.keys(errors).length > 0) return { errors, request: null };
  const request: RegisterRequest = {
    name,
    unitId: form.unitId,
    skills,
    willingness: form.willingness,
    pledge,
    pledgePublic: form.pledgePublic,
    ...(form.phoneCode ? { phoneCode: form.phoneCode } : { phone }),
  };
  return { errors, request };
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
