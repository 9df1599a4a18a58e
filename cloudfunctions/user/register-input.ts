import { z } from 'zod';
import { MOBILE_PHONE, REGISTRATION_LIMITS as L, SERVICE_KINDS } from '../../types';

const nameMessage = `请填写姓名（${L.nameMin}–${L.nameMax} 个字）`;
const pledgeMessage = `请写一句承诺（${L.pledgeMin}–${L.pledgeMax} 个字）`;

/** What `user.register` accepts. */
export const registerInput = z
  .object({
    name: z
      .string({ error: '请填写姓名' })
      .trim()
      .min(L.nameMin, { error: nameMessage })
      .max(L.nameMax, { error: nameMessage }),
    phone: z.string().regex(MOBILE_PHONE, { error: '请填写 11 位手机号' }).optional(),
    phoneCode: z.string().min(1).max(128).optional(),
    unitId: z.string({ error: '请选择工作单位' }).min(1, { error: '请选择工作单位' }).max(64),
    skills: z
      .array(
        z
          .string()
          .trim()
          .min(1, { error: '技能不能为空' })
          .max(L.skillMaxChars, { error: `每项技能最多 ${L.skillMaxChars} 个字` }),
      )
      .max(L.skillsMax, { error: `技能最多填写 ${L.skillsMax} 项` }),
    willingness: z
      .array(z.enum(SERVICE_KINDS, { error: '请从列表中选择愿意参与的服务' }))
      .min(1, { error: '请至少选择一种愿意参与的服务' })
      .max(SERVICE_KINDS.length),
    pledge: z
      .string({ error: '请写一句承诺' })
      .trim()
      .min(L.pledgeMin, { error: pledgeMessage })
      .max(L.pledgeMax, { error: pledgeMessage }),
    pledgePublic: z.boolean({ error: '请选择是否公开承诺' }),
  })
  .strict()
  .refine((value) => value.phone !== undefined || value.phoneCode !== undefined, { error: '请填写 11 位手机号' });
