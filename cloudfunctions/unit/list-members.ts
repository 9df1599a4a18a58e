import { UNIT_INPUTS } from '../../domain/schemas/unit';
import { findMany } from '../_shared/data';
import { defineAction } from '../_shared/handler';
import { unitSummary } from '../_shared/views';
import { adminUnit } from './admin-unit';
import { unitMemberRows } from './member-rows';

export const listMembers = defineAction<'unit', 'listMembers'>({
  access: 'unitAdmin',
  input: UNIT_INPUTS.listMembers,
  async run({ status }, { unitId }) {
    const unit = await adminUnit(unitId);
    const members = await findMany('members', status ? { unitId: unit._id, status } : { unitId: unit._id });
    return { unit: unitSummary(unit), members: await unitMemberRows(members) };
  },
});
