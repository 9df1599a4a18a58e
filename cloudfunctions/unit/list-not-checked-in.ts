import type { ActionSpec } from '../_shared/handler';
import { requireUnitAdmin } from '../_shared/auth';
import { findById, findMany } from '../_shared/collections';
import { AppError } from '../_shared/errors';
import { noInput } from '../_shared/schemas';
import { _ } from '../_shared/sdk';
import { unitMemberRows } from '../_shared/unit-members';
import { unitSummary } from '../_shared/views';

/** The unit's members (confirmed or waiting) who have no residence community yet. */
export const listNotCheckedIn: ActionSpec<'unit', 'listNotCheckedIn'> = {
  input: noInput,
  async run(_input, { openid }) {
    const admin = await requireUnitAdmin(openid);
    const unit = await findById('units', admin.adminUnitId);
    if (!unit) throw new AppError('UNIT_NOT_FOUND');
    const members = await findMany('members', {
      unitId: unit._id,
      status: _.in(['verified', 'unverified']),
      communityId: _.exists(false),
    });
    return { unit: unitSummary(unit), members: await unitMemberRows(members) };
  },
};
