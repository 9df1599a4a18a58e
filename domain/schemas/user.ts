import * as z from 'zod/mini';
import { ERRORS } from '../../types/errors';
import { MOBILE_PHONE, REGISTRATION_LIMITS as L } from '../../types/limits';
import { SERVICE_KINDS } from '../../types/roles';
import { plainPhoneNumber } from '../text';
import { type InputTable, documentId, noInput, typedText } from './common';

export { fieldErrors, parseInput } from './parse';

const phoneMessage = '请填写11位手机号';

/**
 * What `user.register` accepts and what the registration form checks before sending; the name, phone, skills and
 * pledge come back normalised. Lengths count UTF-16 code units, as the function always has.
 */
export const registerRequest = z
  .strictObject({
    name: typedText('姓名', '请填写姓名').check(
      z.minLength(1, { error: '请填写姓名' }),
      z.minLength(L.nameMin, { error: `姓名至少${L.nameMin}个字` }),
      z.maxLength(L.nameMax, { error: `姓名最多${L.nameMax}个字，请您检查后重新填写` }),
    ),
    phone: z.optional(
      z
        .string({ error: phoneMessage })
        .check(z.overwrite(plainPhoneNumber), z.regex(MOBILE_PHONE, { error: phoneMessage })),
    ),
    phoneCode: z.optional(
      z
        .string({ error: ERRORS.PHONE_CODE_INVALID })
        .check(z.regex(/^[\x21-\x7e]{1,128}$/, { error: ERRORS.PHONE_CODE_INVALID })),
    ),
    unitId: documentId('请选择工作单位'),
    skills: z
      .array(
        typedText('技能', '请填写技能').check(
          z.minLength(1, { error: '技能不能为空' }),
          z.maxLength(L.skillMaxChars, { error: `每项技能最多${L.skillMaxChars}个字` }),
        ),
        { error: '请填写技能' },
      )
      .check(z.maxLength(L.skillsMax, { error: `技能最多填写${L.skillsMax}项` })),
    willingness: z
      .array(z.enum(SERVICE_KINDS, { error: '请从列表中选择愿意参与的服务' }), { error: '请选择愿意参与的服务' })
      .check(z.minLength(1, { error: '请至少选择一种愿意参与的服务' }), z.maxLength(SERVICE_KINDS.length)),
    pledge: typedText('承诺', '请写一句承诺').check(
      z.minLength(L.pledgeMin, { error: `承诺至少${L.pledgeMin}个字` }),
      z.maxLength(L.pledgeMax, { error: `承诺最多${L.pledgeMax}个字，请您精简后重新填写` }),
    ),
    pledgePublic: z.boolean({ error: '请选择是否公开承诺' }),
  })
  .check(
    z.refine((value) => value.phone !== undefined || value.phoneCode !== undefined, {
      error: phoneMessage,
      path: ['phone'],
    }),
  );

export const USER_INPUTS = {
  getMe: noInput,
  register: registerRequest,
  getMyData: noInput,
  deleteMyData: z.strictObject({
    confirm: z.custom<true>((value) => value === true, { params: { code: 'CONFIRMATION_NEEDED' } }),
  }),
} satisfies InputTable<'user'>;
