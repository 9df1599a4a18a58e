import type { MemberDoc, MemberProfile } from '../../types';
import { docs } from '../_shared/data';
import { awaitsReconfirmation, communitySummary, removedUnit, unitSummary } from '../_shared/views';

/** The member's own registration as they see it (their own data, in full), with who decided on it and when. */
export async function memberProfile(member: MemberDoc): Promise<MemberProfile> {
  const [unit, community, decider] = await Promise.all([
    docs('units').get(member.unitId),
    member.communityId ? docs('communities').get(member.communityId) : Promise.resolve(null),
    member.verifiedBy ? docs('users').get(member.verifiedBy) : Promise.resolve(null),
  ]);
  return {
    name: member.name,
    phone: member.phone,
    unit: unit ? unitSummary(unit) : removedUnit(member.unitId),
    skills: member.skills,
    willingness: member.willingness,
    pledge: member.pledge,
    pledgePublic: member.pledgePublic,
    status: member.status,
    registeredAt: member.registeredAt,
    community: community ? communitySummary(community) : null,
    checkedInAt: member.checkedInAt ?? null,
    serviceCardNo: member.serviceCardNo ?? null,
    decidedAt: member.verifiedAt ?? null,
    decidedByName: decider?.name ?? null,
    needsReconfirmation: awaitsReconfirmation(member),
  };
}
