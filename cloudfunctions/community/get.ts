import type { CheckInState, MemberDoc } from '../../types';
import { COMMUNITY_INPUTS } from '../../domain/schemas/community';
import { countWhere, docs } from '../_shared/data';
import { AppError } from '../_shared/errors';
import { defineAction } from '../_shared/handler';
import { communitySummary } from '../_shared/views';

async function standing(member: MemberDoc | null, communityId: string): Promise<CheckInState> {
  if (!member) return { state: 'notMember' };
  if (!member.communityId || member.checkedInAt === undefined) return { state: 'none' };
  if (member.communityId === communityId) {
    return { state: 'here', checkedInAt: member.checkedInAt, serviceCardNo: member.serviceCardNo ?? '' };
  }
  const current = await docs('communities').get(member.communityId);
  const community = current ? communitySummary(current) : { id: member.communityId, name: '其他社区', street: '' };
  return { state: 'elsewhere', community, checkedInAt: member.checkedInAt };
}

/** The community a QR code names, and how the caller stands with it. */
export const get = defineAction<'community', 'get'>({
  access: 'signedIn',
  input: COMMUNITY_INPUTS.get,
  async run({ communityId }, { openid }) {
    const [community, member, checkedInMembers] = await Promise.all([
      docs('communities').get(communityId),
      docs('members').get(openid),
      // Only confirmed members count: one waiting for (re)confirmation or an anonymised record does not.
      countWhere('members', { communityId, status: 'verified' }),
    ]);
    if (!community) throw new AppError('COMMUNITY_NOT_FOUND');
    return {
      community: { ...communitySummary(community), address: community.address },
      checkedInMembers,
      me: await standing(member, communityId),
    };
  },
});
