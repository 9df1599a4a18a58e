import type { AuditLogDoc, MemberDoc, MemberStatus } from '../../../types';
import { checkInId } from './check-ins';
import type { DemoPart } from './data';
import type { MemberHistory } from './history';
import type { Plan, Profile } from './plan';
import { serviceCardNumbers } from './service-cards';
import { unitId } from './tables';

function statusOf(profile: Profile): MemberStatus {
  if (profile === 'unverified' || profile === 'newUnverified') return 'unverified';
  return profile === 'rejected' ? 'rejected' : 'verified';
}

/**
 * The registered members as their history left them, with the unit admins' decisions (logged): the current
 * check-in and the 活动证 number are copied onto the member, as checkin.checkIn keeps them.
 */
export function seedMembers(plan: Plan, histories: readonly MemberHistory[]): DemoPart {
  const cards = serviceCardNumbers(histories);
  const members: MemberDoc[] = [];
  const auditLogs: AuditLogDoc[] = [];
  for (const { member: m, registeredAt, unitJoinedAt, decidedAt, stays } of histories) {
    const status = statusOf(m.profile);
    const doc: MemberDoc = {
      _id: m.id,
      name: m.name,
      phone: m.phone,
      unitId: unitId(m.unitIndex),
      skills: m.skills,
      willingness: m.willingness,
      pledge: m.pledge,
      pledgePublic: m.pledgePublic,
      status,
      registeredAt,
      unitJoinedAt,
      updatedAt: unitJoinedAt,
    };
    if (m.previousUnitIndex !== undefined) doc.previousUnitId = unitId(m.previousUnitIndex);
    let lastChange = unitJoinedAt;
    if (decidedAt !== undefined) {
      // verifiedBy/verifiedAt record the decision either way, as unit.verifyMember writes them.
      doc.verifiedBy = plan.unitAdmins[m.unitIndex].id;
      doc.verifiedAt = decidedAt;
      lastChange = decidedAt;
      auditLogs.push({
        action: status === 'verified' ? 'member.verify' : 'member.reject',
        actorId: doc.verifiedBy,
        targetId: m.id,
        at: decidedAt,
        detail: { unitId: doc.unitId },
      });
    }
    const current = stays.at(-1);
    if (current) {
      doc.communityId = current.communityId;
      doc.checkInId = checkInId(m.id, stays.length);
      doc.checkedInAt = current.checkedInAt;
      doc.serviceCardNo = cards.get(m.id);
      if (stays.length > 1) doc.lastTransferAt = current.checkedInAt;
      lastChange = Math.max(lastChange, current.checkedInAt);
    }
    doc.updatedAt = lastChange;
    members.push(doc);
  }
  return { members, auditLogs };
}
