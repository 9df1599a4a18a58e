import { z } from 'zod';
import type { ActionSpec } from '../_shared/handler';
import { requireUnitAdmin } from '../_shared/auth';
import { findById, findMany } from '../_shared/collections';
import { unitMemberRows } from '../_shared/unit-members';
import { unitSummary } from '../_shared/views';
import { AppError } from '../_shared/errors';

const input = z.strictObject({
  status: z.enum(['unverified', 'verified', 'rejected'], { error: '未知的身份状态' }).optional(),
});

export const listMembers: ActionSpec<'unit', 'listMembers'> = {
  input,
  async run({ status }, { openid }) {
    const admin = await requireUnitAdmin(openid);
    const unit = await findById('units', admin.adminUnitId);
    if (!unit) throw new AppError('UNIT_NOT_FOUND');
    const members = await findMany('members', status ? { unitId: unit._id, status } : { unitId: unit._id });
    return { unit: unitSummary(unit), members: await unitMemberRows(members) };
  },
};
