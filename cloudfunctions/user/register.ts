import { z } from 'zod';
import { SERVICE_KINDS, type MemberDoc } from '../../types';
import type { ActionSpec } from '../_shared/handler';
import { findById } from '../_shared/collections';
import { AppError } from '../_shared/errors';
import { memberProfile } from '../_shared/member-profile';
import { isTextRisky, phoneNumberFromCode } from '../_shared/sdk';
import { inTransaction } from '../_shared/transaction';

const MOBILE = /^1[3-9]\d{9}$/;

const input = z
  .object({
    name: z
      .string({ error: '请填写姓名' })
      .trim()
      .min(2, { error: '请填写姓名（2–20 个字）' })
      .max(20, { error: '请填写姓名（2–20 个字）' }),
    phone: z.string().regex(MOBILE, { error: '请填写 11 位手机号' }).optional(),
    phoneCode: z.string().min(1).max(128).optional(),
    unitId: z.string({ error: '请选择工作单位' }).min(1, { error: '请选择工作单位' }).max(64),
    skills: z
      .array(z.string().trim().min(1, { error: '技能不能为空' }).max(12, { error: '每项技能最多 12 个字' }))
      .max(8, { error: '技能最多填写 8 项' }),
    willingness: z
      .array(z.enum(SERVICE_KINDS, { error: '请从列表中选择愿意参与的服务' }))
      .min(1, { error: '请至少选择一种愿意参与的服务' })
      .max(SERVICE_KINDS.length),
    pledge: z
      .string({ error: '请写一句承诺' })
      .trim()
      .min(4, { error: '请写一句承诺（4–60 个字）' })
      .max(60, { error: '请写一句承诺（4–60 个字）' }),
    pledgePublic: z.boolean({ error: '请选择是否公开承诺' }),
  })
  .strict()
  .refine((value) => value.phone !== undefined || value.phoneCode !== undefined, { error: '请填写 11 位手机号' });

async function resolvePhone(phone: string | undefined, phoneCode: string | undefined): Promise<string> {
  if (phone) return phone;
  const fromCode = phoneCode ? await phoneNumberFromCode(phoneCode) : null;
  if (!fromCode || !MOBILE.test(fromCode)) throw new AppError('PHONE_CODE_INVALID');
  return fromCode;
}

/** Registers the caller as an in-service Party member, or updates their registration. */
export const register: ActionSpec<'user', 'register'> = {
  input,
  async run(request, { openid }) {
    const phone = await resolvePhone(request.phone, request.phoneCode);
    if (!(await findById('units', request.unitId))) throw new AppError('UNIT_NOT_FOUND');
    if (await isTextRisky(openid, `${request.pledge} ${request.skills.join(' ')}`)) throw new AppError('CONTENT_RISKY');
    const member = await inTransaction(async (transaction) => {
      const existing = await findById('members', openid, transaction);
      const now = Date.now();
      const changedUnit = existing !== null && existing.unitId !== request.unitId;
      const keepsConfirmation = existing !== null && !changedUnit && existing.status === 'verified';
      const { _id: _existingId, ...previous } = existing ?? ({} as Partial<MemberDoc>);
      const next: Omit<MemberDoc, '_id'> = {
        ...previous,
        name: request.name,
        phone,
        unitId: request.unitId,
        skills: [...new Set(request.skills)],
        willingness: [...new Set(request.willingness)],
        pledge: request.pledge,
        pledgePublic: request.pledgePublic,
        status: keepsConfirmation ? 'verified' : 'unverified',
        registeredAt: existing?.registeredAt ?? now,
        unitJoinedAt: existing && !changedUnit ? existing.unitJoinedAt : now,
        updatedAt: now,
      };
      if (changedUnit) next.previousUnitId = existing.unitId;
      if (!keepsConfirmation) {
        delete next.verifiedBy;
        delete next.verifiedAt;
      }
      await transaction.collection('members').doc(openid).set({ data: next });
      return { _id: openid, ...next };
    });
    return { member: await memberProfile(member) };
  },
};
