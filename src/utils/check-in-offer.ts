import type { CheckInState, CommunitySummary, Timestamp } from '../../types';
import type { Standing, WaitingStanding } from './member-standing';

/** What the check-in page offers, from how the person stands with the community and with their unit. */
export type CheckInOffer =
  | { kind: 'register' }
  | { kind: 'wait'; standing: WaitingStanding }
  | { kind: 'done'; checkedInAt: Timestamp; serviceCardNo: string }
  | { kind: 'transfer'; from: CommunitySummary; checkedInAt: Timestamp }
  | { kind: 'checkIn' };

export function checkInOffer(here: CheckInState, standing: Standing): CheckInOffer {
  // Already checked in here stays true whatever happened since (a change of name waits for confirmation).
  if (here.state === 'here') return { kind: 'done', checkedInAt: here.checkedInAt, serviceCardNo: here.serviceCardNo };
  if (here.state === 'notMember' || standing.kind === 'notRegistered') return { kind: 'register' };
  if (standing.kind !== 'verified') return { kind: 'wait', standing };
  if (here.state === 'elsewhere') return { kind: 'transfer', from: here.community, checkedInAt: here.checkedInAt };
  return { kind: 'checkIn' };
}
