import type { MemberProfile, Timestamp } from '../../types';

/** Where a person stands as an in-service Party member, which decides what the check-in page may offer them. */
export type Standing =
  | { kind: 'notRegistered' }
  | { kind: 'pending'; unitName: string }
  /** Confirmed once, then changed name, phone or unit: waits for the unit admin again. */
  | { kind: 'reconfirming'; unitName: string }
  | { kind: 'rejected'; unitName: string; decidedAt: Timestamp | null; decidedByName: string | null }
  | { kind: 'verified' };

/** A registered member who may not check in yet. */
export type WaitingStanding = Extract<Standing, { kind: 'pending' | 'reconfirming' | 'rejected' }>;

export function standingOf(member: MemberProfile | null | undefined): Standing {
  if (!member || member.status === 'deleted') return { kind: 'notRegistered' };
  const unitName = member.unit.name;
  if (member.status === 'rejected') {
    return { kind: 'rejected', unitName, decidedAt: member.decidedAt, decidedByName: member.decidedByName };
  }
  if (member.needsReconfirmation) return { kind: 'reconfirming', unitName };
  if (member.status === 'unverified') return { kind: 'pending', unitName };
  return { kind: 'verified' };
}
