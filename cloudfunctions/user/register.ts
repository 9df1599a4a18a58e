import { MOBILE_PHONE, type MemberDoc } from '../../types';
import type { ActionSpec } from '../_shared/handler';
import { findById } from '../_shared/collections';
import { AppError } from '../_shared/errors';
import { memberProfile } from '../_shared/member-profile';
import { isTextRisky, phoneNumberFromCode } from '../_shared/sdk';
import { inTransaction } from '../_shared/transaction';
import { registerInput } from './register-input';

async function resolvePhone(phone: string | undefined, phoneCode: string | undefined): Promise<string> {
  if (phone) return phone;
  const fromCode = phoneCode ? await phoneNumberFromCode(phoneCode) : null;
  if (!fromCode || !MOBILE_PHONE.test(fromCode)) throw new AppError('PHONE_CODE_INVALID');
  return fromCode;
}

/** Registers the caller as an in-service Party member, or updates their registration. */
export const register: ActionSpec<'user', 'register'> = {
  input: registerInput,
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
