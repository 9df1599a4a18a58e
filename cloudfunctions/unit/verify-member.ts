import type { AuditAction, MemberStatus } from '../../types';
import { UNIT_INPUTS } from '../../domain/schemas/unit';
import { audit } from '../_shared/audit';
import { docs, removeField } from '../_shared/data';
import { AppError } from '../_shared/errors';
import { defineAction } from '../_shared/handler';
import { inTransaction } from '../_shared/transaction';
import { unitMemberRows } from './member-rows';
import { currentTime } from '../_shared/clock';

/** What a decision does to a member in this state, or null when it is already decided that way. */
function auditActionFor(status: MemberStatus, decision: 'verify' | 'reject'): AuditAction | null {
  if (status === 'unverified') return decision === 'verify' ? 'member.verify' : 'member.reject';
  if (status === 'rejected' && decision === 'verify') return 'member.reverseRejection';
  return null;
}

/**
 * The unit admin confirms (or refuses) that a registered person is a Party member of the unit, or reverses an earlier
 * refusal; logged.
 */
export const verifyMember = defineAction<'unit', 'verifyMember'>({
  access: 'unitAdmin',
  input: UNIT_INPUTS.verifyMember,
  async run({ memberId, decision }, { openid, unitId }) {
    if (memberId === openid) throw new AppError('FORBIDDEN', '不能确认自己的党员身份，请由单位其他管理员确认');
    const member = await inTransaction(async (transaction) => {
      const members = docs('members', transaction);
      const found = await members.get(memberId);
      // A member who deleted their data is an anonymous record for the counts, no longer a person to decide on.
      if (!found || found.status === 'deleted') throw new AppError('MEMBER_NOT_FOUND');
      if (found.unitId !== unitId) throw new AppError('NOT_YOUR_UNIT');
      const action = auditActionFor(found.status, decision);
      if (!action) throw new AppError('ALREADY_DECIDED');
      const now = currentTime();
      const change = {
        status: decision === 'verify' ? 'verified' : 'rejected',
        verifiedBy: openid,
        verifiedAt: now,
        updatedAt: now,
      } as const;
      await members.update(memberId, { ...change, changedAfterVerifyAt: removeField() });
      await audit({ action, actorId: openid, targetId: memberId, detail: { unitId: found.unitId } }, transaction);
      const { changedAfterVerifyAt: _decided, ...rest } = found;
      return { ...rest, ...change };
    });
    const [row] = await unitMemberRows([member]);
    return { member: row };
  },
});
