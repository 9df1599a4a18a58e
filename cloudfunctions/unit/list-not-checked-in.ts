import { UNIT_INPUTS } from '../../domain/schemas/unit';
import { findMany, notSet, oneOf } from '../_shared/data';
import { defineAction } from '../_shared/handler';
import { unitSummary } from '../_shared/views';
import { adminUnit } from './admin-unit';
import { unitMemberRows } from './member-rows';

/** The unit's members (confirmed or waiting) who have no residence community yet. */
export const listNotCheckedIn = defineAction<'unit', 'listNotCheckedIn'>({
  access: 'unitAdmin',
  input: UNIT_INPUTS.listNotCheckedIn,
  async run(_input, { unitId }) {
    const unit = await adminUnit(unitId);
    const members = await findMany('members', {
      unitId: unit._id,
      status: oneOf(['verified', 'unverified']),
      communityId: notSet(),
    });
    return { unit: unitSummary(unit), members: await unitMemberRows(members) };
  },
});
