import type { MemberDoc, MemberProfile } from '../../types';
import { findById } from './collections';
import { awaitsReconfirmation, communitySummary, unitSummary } from './views';

/** The member's own registration as they see it (their own data, in full), with who decided on it and when. */
export async function memberProfile(member: MemberDoc): Promise<MemberProfile> {
  const [unit, community, decider] = await Promise.all([
    findById('units', member.unitId),
    member.communityId ? findById('communities', member.communityId) : Promise.resolve(null),
    member.verifiedBy ? findById('users', member.verifiedBy) : Promise.resolve(null),
  ]);
  return {
    name: member.name,
    phone: member.phone,
    unit: unit ? unitSummary(unit) : { id: member.unitId, name: '（单位已撤销）' },
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
