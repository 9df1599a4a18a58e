import type { ActionSpec } from '../_shared/handler';
import { findMany } from '../_shared/collections';
import { noInput } from '../_shared/schemas';
import { communitySummary } from '../_shared/views';

export const list: ActionSpec<'community', 'list'> = {
  input: noInput,
  async run() {
    const communities = await findMany('communities', {}, { orderBy: ['_id', 'asc'] });
    return { communities: communities.map(communitySummary) };
  },
};
