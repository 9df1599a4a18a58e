import { CHECK_IN_PAGE } from '../../types';
import type { ActionSpec } from '../_shared/handler';
import { requireStaff } from '../_shared/auth';
import { findById } from '../_shared/collections';
import { AppError } from '../_shared/errors';
import { noInput } from '../_shared/schemas';
import { unlimitedQrCode } from '../_shared/sdk';
import { communitySummary } from '../_shared/views';

/** Staff: their community's permanent mini-program code; its `scene` is the community id. */
export const getQrCode: ActionSpec<'community', 'getQrCode'> = {
  input: noInput,
  async run(_input, { openid }) {
    const staff = await requireStaff(openid);
    const community = await findById('communities', staff.staffCommunityId);
    if (!community) throw new AppError('COMMUNITY_NOT_FOUND');
    const png = await unlimitedQrCode(community._id, CHECK_IN_PAGE);
    return {
      community: communitySummary(community),
      image: `data:image/png;base64,${png.toString('base64')}`,
      scene: community._id,
      page: CHECK_IN_PAGE,
    };
  },
};
