import { ORDER_INPUTS } from '../../domain/schemas/order';
import { docs } from '../_shared/data';
import { defineAction } from '../_shared/handler';
import { communitySummary, removedCommunity } from '../_shared/views';
import { profileView } from './intake';

/** The caller's resident profile in full (it is theirs), or null before they gave one. */
export const getProfile = defineAction<'order', 'getProfile'>({
  access: 'signedIn',
  input: ORDER_INPUTS.getProfile,
  async run(_input, { openid }) {
    const resident = await docs('residents').get(openid);
    if (!resident) return { profile: null };
    const community = await docs('communities').get(resident.communityId);
    const summary = community ? communitySummary(community) : removedCommunity(resident.communityId);
    return { profile: profileView(resident, summary) };
  },
});
