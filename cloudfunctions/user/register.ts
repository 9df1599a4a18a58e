import { MOBILE_PHONE, type MemberDoc, type RegisterRequest } from '../../types';
import { USER_INPUTS } from '../../domain/schemas/user';
import { audit } from '../_shared/audit';
import { type Body, docs } from '../_shared/data';
import { AppError } from '../_shared/errors';
import { defineAction } from '../_shared/handler';
import { isTextRisky, phoneNumberFromCode } from '../_shared/sdk';
import { inTransaction } from '../_shared/transaction';
import { memberProfile } from './member-profile';
import { currentTime } from '../_shared/clock';

async function resolvePhone(phone: string | undefined, phoneCode: string | undefined): Promise<string> {
  if (phone) return phone;
  const fromCode = phoneCode ? await phoneNumberFromCode(phoneCode) : null;
  if (!fromCode || !MOBILE_PHONE.test(fromCode)) throw new AppError('PHONE_CODE_INVALID');
  return fromCode;
}

/** A rejection stands until the unit admin reverses it: registering again must not put the member back in the queue. */
function refuseRejected(member: MemberDoc | null): void {
  if (member?.status === 'rejected') throw new AppError('MEMBER_REJECTED');
}

/** The fields that identify the person to their unit admin and that changed (names of fields only, never values). */
function identityChanges(existing: MemberDoc, next: { name: string; phone: string; unitId: string }): string[] {
  const changed: string[] = [];
  if (existing.name.normalize('NFC') !== next.name) changed.push('name');
  if (existing.phone !== next.phone) changed.push('phone');
  if (existing.unitId !== next.unitId) changed.push('unit');
  return changed;
}

/** Everything of the request that is shown to others, for the platform's content check. */
const publicText = (request: RegisterRequest) => [request.name, request.pledge, ...request.skills].join('\n');

/**
 * Registers the caller as an in-service Party member, or updates their registration. A confirmed member who changes
 * name, phone or unit waits for the unit admin's confirmation again (logged); other changes keep the confirmation.
 */
export const register = defineAction<'user', 'register'>({
  access: 'signedIn',
  input: USER_INPUTS.register,
  async run(request, { openid }) {
    refuseRejected(await docs('members').get(openid));
    const phone = await resolvePhone(request.phone, request.phoneCode);
    if (!(await docs('units').get(request.unitId))) throw new AppError('UNIT_NOT_FOUND');
    if (await isTextRisky(openid, publicText(request))) throw new AppError('CONTENT_RISKY');
    const member = await inTransaction(async (transaction) => {
      const members = docs('members', transaction);
      const existing = await members.get(openid);
      refuseRejected(existing);
      const now = currentTime();
      const changed = existing ? identityChanges(existing, { name: request.name, phone, unitId: request.unitId }) : [];
      const wasVerified = existing?.status === 'verified';
      const needsReconfirmation = wasVerified && changed.length > 0;
      const keepsConfirmation = wasVerified && !needsReconfirmation;
      const { _id: _existingId, ...previous } = existing ?? ({} as Partial<MemberDoc>);
      const next: Body<'members'> = {
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
        unitJoinedAt: existing && !changed.includes('unit') ? existing.unitJoinedAt : now,
        updatedAt: now,
      };
      if (existing && changed.includes('unit')) next.previousUnitId = existing.unitId;
      if (!keepsConfirmation) {
        delete next.verifiedBy;
        delete next.verifiedAt;
      }
      if (needsReconfirmation) next.changedAfterVerifyAt = now;
      await members.set(openid, next);
      if (needsReconfirmation) {
        await audit(
          {
            action: 'member.needsReconfirmation',
            actorId: openid,
            targetId: openid,
            detail: { fields: changed.join(','), unitId: request.unitId },
          },
          transaction,
        );
      }
      return { _id: openid, ...next };
    });
    return { member: await memberProfile(member) };
  },
});
