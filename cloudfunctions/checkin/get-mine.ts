import type { ActionSpec } from '../_shared/handler';
import { checkInHistory } from '../_shared/check-in-history';
import { findById } from '../_shared/collections';
import { AppError } from '../_shared/errors';
import { noInput } from '../_shared/schemas';

/** The member's current community, every earlier one, and their 活动证 number. */
export const getMine: ActionSpec<'checkin', 'getMine'> = {
  input: noInput,
  async run(_input, { openid }) {
    const member = await findById('members', openid);
    if (!member) throw new AppError('NOT_REGISTERED');
    const history = await checkInHistory(openid);
    return {
      current: history.find((item) => item.status === 'active') ?? null,
      history,
      serviceCardNo: member.serviceCardNo ?? null,
    };
  },
};
