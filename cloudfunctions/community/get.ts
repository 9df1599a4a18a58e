import { z } from 'zod';
import type { CheckInState, MemberDoc } from '../../types';
import type { ActionSpec } from '../_shared/handler';
import { countWhere, findById } from '../_shared/collections';
import { AppError } from '../_shared/errors';
import { documentId } from '../_shared/schemas';
import { communitySummary } from '../_shared/views';

const input = z.strictObject({ communityId: documentId('找不到这个社区，请确认扫描的是社区的报到码') });

async function standing(member: MemberDoc | null, communityId: string): Promise<CheckInState> {
  if (!member) return { state: 'notMember' };
  if (!member.communityId || member.checkedInAt === undefined) return { state: 'none' };
  if (member.communityId === communityId) {
    return { state: 'here', checkedInAt: member.checkedInAt, serviceCardNo: member.serviceCardNo ?? '' };
  }
  const current = await findById('communities', member.communityId);
  const community = current ? communitySummary(current) : { id: member.communityId, name: '其他社区', street: '' };
  return { state: 'elsewhere', community, checkedInAt: member.checkedInAt };
}

/** The community a QR code names, and how the caller stands with it. */
export const get: ActionSpec<'community', 'get'> = {
  input,
  async run({ communityId }, { openid }) {
    const [community, member, checkedInMembers] = await Promise.all([
      findById('communities', communityId),
      findById('members', openid),
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
};
