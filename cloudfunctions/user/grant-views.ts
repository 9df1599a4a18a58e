import type { Grant, GrantView } from '../../types';
import { docs } from '../_shared/data';
import { communitySummary, removedCommunity, removedUnit, unitSummary } from '../_shared/views';

/** A granted role as its holder sees it: with the community or unit it applies to. */
async function grantView(grant: Grant): Promise<GrantView> {
  switch (grant.role) {
    case 'staff': {
      const community = await docs('communities').get(grant.communityId);
      return {
        role: 'staff',
        community: community ? communitySummary(community) : removedCommunity(grant.communityId),
      };
    }
    case 'unitAdmin': {
      const unit = await docs('units').get(grant.unitId);
      return { role: 'unitAdmin', unit: unit ? unitSummary(unit) : removedUnit(grant.unitId) };
    }
    case 'countyAdmin':
      return { role: 'countyAdmin' };
  }
}

export function grantViews(grants: readonly Grant[]): Promise<GrantView[]> {
  return Promise.all(grants.map(grantView));
}
