import { CHECK_IN_PAGE } from '../../types';
import { COMMUNITY_INPUTS } from '../../domain/schemas/community';
import { docs } from '../_shared/data';
import { AppError } from '../_shared/errors';
import { defineAction } from '../_shared/handler';
import { unlimitedQrCode } from '../_shared/sdk';
import { communitySummary } from '../_shared/views';

/** Staff: their community's permanent mini-program code; its `scene` is the community id. */
export const getQrCode = defineAction<'community', 'getQrCode'>({
  access: 'staff',
  input: COMMUNITY_INPUTS.getQrCode,
  async run(_input, { communityId }) {
    const community = await docs('communities').get(communityId);
    if (!community) throw new AppError('COMMUNITY_NOT_FOUND');
    const png = await unlimitedQrCode(community._id, CHECK_IN_PAGE);
    return {
      community: communitySummary(community),
      image: `data:image/png;base64,${png.toString('base64')}`,
      scene: community._id,
      page: CHECK_IN_PAGE,
    };
  },
});
