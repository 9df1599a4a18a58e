import { z } from 'zod';
import { ERRORS, MOBILE_PHONE, REGISTRATION_LIMITS as L, SERVICE_KINDS } from '../../types';
import { plainPhoneNumber } from '../../domain/text';
import { documentId } from '../_shared/schemas';
import { typedText } from '../_shared/text';

const phoneMessage = '请填写11位手机号';

/** What `user.register` accepts; the name, phone, skills and pledge come back normalised. */
export const registerInput = z
  .object({
    name: typedText('姓名', '请填写姓名')
      .min(1, { error: '请填写姓名' })
      .min(L.nameMin, { error: `姓名至少${L.nameMin}个字` })
      .max(L.nameMax, { error: `姓名最多${L.nameMax}个字，请您检查后重新填写` }),
    phone: z
      .string({ error: phoneMessage })
      .overwrite(plainPhoneNumber)
      .regex(MOBILE_PHONE, { error: phoneMessage })
      .optional(),
    phoneCode: z
      .string({ error: ERRORS.PHONE_CODE_INVALID })
      .regex(/^[\x21-\x7e]{1,128}$/, { error: ERRORS.PHONE_CODE_INVALID })
      .optional(),
    unitId: documentId('请选择工作单位'),
    skills: z
      .array(
        typedText('技能', '请填写技能')
          .min(1, { error: '技能不能为空' })
          .max(L.skillMaxChars, { error: `每项技能最多${L.skillMaxChars}个字` }),
        { error: '请填写技能' },
      )
      .max(L.skillsMax, { error: `技能最多填写${L.skillsMax}项` }),
    willingness: z
      .array(z.enum(SERVICE_KINDS, { error: '请从列表中选择愿意参与的服务' }), { error: '请选择愿意参与的服务' })
      .min(1, { error: '请至少选择一种愿意参与的服务' })
      .max(SERVICE_KINDS.length),
    pledge: typedText('承诺', '请写一句承诺')
      .min(L.pledgeMin, { error: `承诺至少${L.pledgeMin}个字` })
      .max(L.pledgeMax, { error: `承诺最多${L.pledgeMax}个字，请您精简后重新填写` }),
    pledgePublic: z.boolean({ error: '请选择是否公开承诺' }),
  })
  .strict()
  .refine((value) => value.phone !== undefined || value.phoneCode !== undefined, { error: phoneMessage });
