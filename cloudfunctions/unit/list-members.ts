import { z } from 'zod';
import type { ActionSpec } from '../_shared/handler';
import { requireAdminUnit } from '../_shared/auth';
import { findMany } from '../_shared/collections';
import { unitMemberRows } from '../_shared/unit-members';
import { unitSummary } from '../_shared/views';

const input = z.strictObject({
  status: z.enum(['unverified', 'verified', 'rejected', 'deleted'], { error: '未知的身份状态' }).optional(),
});

export const listMembers: ActionSpec<'unit', 'listMembers'> = {
  input,
  async run({ status }, { openid }) {
    const unit = await requireAdminUnit(openid);
    const members = await findMany('members', status ? { unitId: unit._id, status } : { unitId: unit._id });
    return { unit: unitSummary(unit), members: await unitMemberRows(members) };
  },
};
