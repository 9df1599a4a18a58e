import { MOBILE_PHONE, REGISTRATION_LIMITS, type Me, type RegisterRequest, type ServiceKind } from '../../types';
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

export type RegisterErrors = Partial<Record<'name' | 'phone' | 'unitId' | 'skills' | 'willingness' | 'pledge', string>>;

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

const charCount = (text: string) => [...text].length;

/** Checks the form the way the server will, so most mistakes are shown before sending. */
export function validateForm(form: RegisterForm): { errors: RegisterErrors; request: RegisterRequest | null } {
  const errors: RegisterErrors = {};
  const name = form.name.trim();
  const phone = form.phone.replace(/\s+/g, '');
  const skills = parseSkills(form.skills);
  const pledge = form.pledge.trim();

  if (!name) errors.name = '请填写姓名';
  else if (charCount(name) < nameMin || charCount(name) > nameMax)
    errors.name = `请填写姓名（${nameMin}–${nameMax} 个字）`;
  if (!form.phoneCode) {
    if (!phone) errors.phone = '请填写手机号';
    else if (!MOBILE_PHONE.test(phone)) errors.phone = '请填写 11 位手机号';
  }
  if (!form.unitId) errors.unitId = '请选择工作单位';
  if (skills.length > skillsMax) errors.skills = `技能最多填写 ${skillsMax} 项`;
  else if (skills.some((skill) => charCount(skill) > skillMaxChars))
    errors.skills = `每项技能最多 ${skillMaxChars} 个字`;
  if (form.willingness.length === 0) errors.willingness = '请至少选择一种愿意参与的服务';
  if (charCount(pledge) < pledgeMin || charCount(pledge) > pledgeMax) {
    errors.pledge = `请写一句承诺（${pledgeMin}–${pledgeMax} 个字）`;
  }

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
