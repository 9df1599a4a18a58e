import type { CheckInHistoryItem } from '../../types';
import type { ActionSpec } from '../_shared/handler';
import { findById, findMany } from '../_shared/collections';
import { AppError } from '../_shared/errors';
import { noInput } from '../_shared/schemas';
import { communitiesById } from '../_shared/views';

/** The member's current community, every earlier one, and their 活动证 number. */
export const getMine: ActionSpec<'checkin', 'getMine'> = {
  input: noInput,
  async run(_input, { openid }) {
    const member = await findById('members', openid);
    if (!member) throw new AppError('NOT_REGISTERED');
    const checkIns = await findMany('checkIns', { memberId: openid }, { orderBy: ['checkedInAt', 'desc'], limit: 100 });
    const communities = await communitiesById(checkIns.map((item) => item.communityId));
    const history: CheckInHistoryItem[] = checkIns.map((item) => ({
      community: communities.get(item.communityId) ?? { id: item.communityId, name: '已撤销的社区', street: '' },
      status: item.status,
      checkedInAt: item.checkedInAt,
      endedAt: item.endedAt ?? null,
    }));
    return {
      current: history.find((item) => item.status === 'active') ?? null,
      history,
      serviceCardNo: member.serviceCardNo ?? null,
    };
  },
};
