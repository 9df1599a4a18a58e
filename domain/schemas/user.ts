import * as v from 'valibot';
import { ERRORS } from '../../types/errors';
import { MOBILE_PHONE, REGISTRATION_LIMITS as L } from '../../types/limits';
import { SERVICE_KINDS } from '../../types/roles';
import { plainPhoneNumber } from '../text';
import { type InputTable, documentId, list, maxChars, minChars, noInput, request, typedText } from './common';
import { refusedWith } from './parse';

export { fieldErrors, parseInput } from './parse';

const phoneMessage = '请填写11位手机号';

/**
 * What `user.register` accepts and what the registration form checks before sending; the name, phone, skills and
 * pledge come back normalised. Lengths count characters as people do (a character outside the BMP is one).
 */
export const registerRequest = v.pipe(
  request({
    name: v.pipe(
      typedText('姓名', '请填写姓名'),
      v.nonEmpty('请填写姓名'),
      minChars(L.nameMin, `姓名至少${L.nameMin}个字`),
      maxChars(L.nameMax, `姓名最多${L.nameMax}个字，请您检查后重新填写`),
    ),
    phone: v.optional(
      v.pipe(
        v.string(phoneMessage),
        v.transform(plainPhoneNumber),
        v.nonEmpty('请填写手机号'),
        v.regex(MOBILE_PHONE, phoneMessage),
      ),
    ),
    phoneCode: v.optional(
      v.pipe(v.string(ERRORS.PHONE_CODE_INVALID), v.regex(/^[\x21-\x7e]{1,128}$/, ERRORS.PHONE_CODE_INVALID)),
    ),
    unitId: documentId('请选择工作单位'),
    skills: list(
      v.pipe(
        typedText('技能', '请填写技能'),
        v.nonEmpty('技能不能为空'),
        maxChars(L.skillMaxChars, `每项技能最多${L.skillMaxChars}个字`),
      ),
      '请填写技能',
      L.skillsMax,
      `技能最多填写${L.skillsMax}项`,
    ),
    willingness: v.pipe(
      list(
        v.picklist(SERVICE_KINDS, '请从列表中选择愿意参与的服务'),
        '请选择愿意参与的服务',
        SERVICE_KINDS.length,
        '请选择愿意参与的服务',
      ),
      v.nonEmpty('请至少选择一种愿意参与的服务'),
    ),
    pledge: v.pipe(
      typedText('承诺', '请写一句承诺'),
      v.nonEmpty('请写一句承诺'),
      minChars(L.pledgeMin, `承诺至少${L.pledgeMin}个字`),
      maxChars(L.pledgeMax, `承诺最多${L.pledgeMax}个字，请您精简后重新填写`),
    ),
    pledgePublic: v.boolean('请选择是否公开承诺'),
  }),
  v.forward(
    v.partialCheck(
      [['phone'], ['phoneCode']],
      (value) => value.phone !== undefined || value.phoneCode !== undefined,
      phoneMessage,
    ),
    ['phone'],
  ),
);

export const USER_INPUTS = {
  getMe: noInput,
  register: registerRequest,
  getMyData: noInput,
  deleteMyData: request({
    confirm: v.custom<true>((value) => value === true, refusedWith('CONFIRMATION_NEEDED')),
  }),
} satisfies InputTable<'user'>;
