import type { ActionSpec } from '../_shared/handler';
import { findById } from '../_shared/collections';
import { rolesOf } from '../_shared/auth';
import { memberProfile } from '../_shared/member-profile';
import { noInput } from '../_shared/schemas';
import { communitySummary, unitSummary } from '../_shared/views';

export const getMe: ActionSpec<'user', 'getMe'> = {
  input: noInput,
  async run(_input, { openid }) {
    const { user, member, roles } = await rolesOf(openid);
    const [community, unit] = await Promise.all([
      user?.staffCommunityId ? findById('communities', user.staffCommunityId) : null,
      user?.adminUnitId ? findById('units', user.adminUnitId) : null,
    ]);
    return {
      roles,
      name: member?.name ?? user?.name ?? null,
      member: member ? await memberProfile(member) : null,
      staffCommunity: community && roles.includes('staff') ? communitySummary(community) : null,
      adminUnit: unit && roles.includes('unitAdmin') ? unitSummary(unit) : null,
    };
  },
};
