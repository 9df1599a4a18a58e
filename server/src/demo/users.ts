import type { AuditLogDoc, UserDoc } from '../../../types';
import type { DemoClock } from './clock';
import type { DemoPart } from './data';
import type { Plan } from './plan';
import { type Rng, int } from './rng';
import { COMMUNITIES, unitId } from './tables';

/**
 * The granted roles: the county admin, then each community's staff and each unit's admin, granted by the county admin
 * (logged). Members hold no `users` document: their role follows the unit admin's confirmation.
 */
export function seedUsers(plan: Plan, clock: DemoClock, rng: Rng): DemoPart {
  const countyCreated = clock.at(740, 9, 0);
  const users: UserDoc[] = [
    {
      _id: plan.countyAdmin.id,
      name: plan.countyAdmin.name,
      grants: [{ role: 'countyAdmin' }],
      createdAt: countyCreated,
      updatedAt: countyCreated,
    },
  ];
  const auditLogs: AuditLogDoc[] = [];
  const grant = (user: UserDoc, detail: AuditLogDoc['detail']) => {
    users.push(user);
    auditLogs.push({
      action: 'role.grant',
      actorId: plan.countyAdmin.id,
      targetId: user._id,
      at: user.createdAt,
      detail,
    });
  };
  for (const s of plan.staff) {
    const t = clock.at(int(rng, 500, 700));
    const communityId = COMMUNITIES[s.communityIndex]._id;
    grant(
      { _id: s.id, name: s.name, grants: [{ role: 'staff', communityId }], createdAt: t, updatedAt: t },
      { role: 'staff', communityId },
    );
  }
  for (const a of plan.unitAdmins) {
    const t = clock.at(int(rng, 600, 700));
    const unit = unitId(a.unitIndex);
    grant(
      { _id: a.id, name: a.name, grants: [{ role: 'unitAdmin', unitId: unit }], createdAt: t, updatedAt: t },
      { role: 'unitAdmin', unitId: unit },
    );
  }
  return { users, auditLogs };
}
