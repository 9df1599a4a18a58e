import { COMMUNITY_INPUTS } from '../../domain/schemas/community';
import { findMany } from '../_shared/data';
import { defineAction } from '../_shared/handler';
import { communitySummary } from '../_shared/views';

export const list = defineAction<'community', 'list'>({
  access: 'signedIn',
  input: COMMUNITY_INPUTS.list,
  async run() {
    const communities = await findMany('communities', {}, { orderBy: ['_id', 'asc'] });
    return { communities: communities.map(communitySummary) };
  },
});
