import type { ActionSpec } from '../_shared/handler';
import { requireAdminUnit } from '../_shared/auth';
import { findMany } from '../_shared/collections';
import { noInput } from '../_shared/schemas';
import { _ } from '../_shared/sdk';
import { unitMemberRows } from '../_shared/unit-members';
import { unitSummary } from '../_shared/views';

/** The unit's members (confirmed or waiting) who have no residence community yet. */
export const listNotCheckedIn: ActionSpec<'unit', 'listNotCheckedIn'> = {
  input: noInput,
  async run(_input, { openid }) {
    const unit = await requireAdminUnit(openid);
    const members = await findMany('members', {
      unitId: unit._id,
      status: _.in(['verified', 'unverified']),
      communityId: _.exists(false),
    });
    return { unit: unitSummary(unit), members: await unitMemberRows(members) };
  },
};
