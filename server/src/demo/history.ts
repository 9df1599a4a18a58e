import type { Timestamp } from '../../../types';
import { type DemoClock, MINUTE } from './clock';
import type { Plan, PlannedMember } from './plan';
import { int, type Rng } from './rng';
import { COMMUNITIES } from './tables';

/** A community a member checked in at, from when (until the next stay began, if there is one). */
export interface Stay {
  communityId: string;
  checkedInAt: Timestamp;
}

/** What happened to a member, and when: the plan's profile placed in time. */
export interface MemberHistory {
  member: PlannedMember;
  registeredAt: Timestamp;
  /** When they joined their current unit: the registration, or a later change of unit. */
  unitJoinedAt: Timestamp;
  /** When the unit admin confirmed or refused them (never for those still waiting). */
  decidedAt?: Timestamp;
  /** Oldest first; every stay but the last was transferred to the next. */
  stays: Stay[];
}

const isTransferredIn = (m: PlannedMember) => m.profile === 'transferredIn' || m.profile === 'transferredInCheckedIn';

/**
 * Draws every member's moments in one pass (each member's registration, decision and check-ins in turn, from the
 * clock's one sequence of random numbers), so the same moment of seeding gives the same history.
 */
export function memberHistories(plan: Plan, clock: DemoClock, rng: Rng): MemberHistory[] {
  const { at } = clock;
  return plan.members.map((m): MemberHistory => {
    const p = m.profile;
    const isNew = p === 'newUnverified' || p === 'newVerified';
    const transferred = isTransferredIn(m);
    const regDays = isNew
      ? int(rng, p === 'newVerified' ? 4 : 0, 25)
      : p === 'movedHome'
        ? int(rng, 400, 540)
        : int(rng, 60, 540);
    const registeredAt = at(regDays);
    const joinDays = transferred ? int(rng, 3, 25) : regDays;
    const unitJoinedAt = transferred ? at(joinDays) : registeredAt;
    const history: MemberHistory = { member: m, registeredAt, unitJoinedAt, stays: [] };

    const decisionDays = transferred ? joinDays - int(rng, 1, 2) : regDays - int(rng, 1, Math.min(7, regDays));
    if (p === 'rejected') {
      history.decidedAt = at(decisionDays, int(rng, 9, 17));
    } else if (p !== 'unverified' && p !== 'newUnverified') {
      history.decidedAt = Math.max(at(Math.max(decisionDays, 0), int(rng, 9, 17)), unitJoinedAt + MINUTE);
    }

    if (m.communityIndex !== undefined) {
      const communityId = COMMUNITIES[m.communityIndex]._id;
      // Checked in a few weeks after the confirmation; a member who later changed unit checked in before that (their
      // residence did not change with the unit).
      const ciDays = transferred
        ? Math.max(joinDays + 5, regDays - int(rng, 10, 40))
        : Math.max(decisionDays - int(rng, 1, 30), 1);
      if (p === 'movedHome') {
        const firstAt = at(ciDays);
        const movedAt = at(int(rng, 35, 90));
        history.stays.push({ communityId: COMMUNITIES[m.previousCommunityIndex!]._id, checkedInAt: firstAt });
        history.stays.push({ communityId, checkedInAt: movedAt });
      } else {
        history.stays.push({ communityId, checkedInAt: at(ciDays) });
      }
    }
    return history;
  });
}
