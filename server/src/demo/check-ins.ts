import type { CheckInDoc } from '../../../types';
import type { DemoPart } from './data';
import type { MemberHistory } from './history';
import { unitId } from './tables';

/** The id of a member's `n`th check-in (from 1). */
export const checkInId = (memberId: string, n: number) => `${memberId}-checkin-${n}`;

/** Every stay as a check-in: the last one active, each earlier one transferred to the next when that began. */
export function seedCheckIns(histories: readonly MemberHistory[]): DemoPart {
  const checkIns: CheckInDoc[] = histories.flatMap(({ member, stays }) =>
    stays.map((stay, i): CheckInDoc => {
      const base = {
        _id: checkInId(member.id, i + 1),
        memberId: member.id,
        unitId: unitId(member.unitIndex),
        communityId: stay.communityId,
      };
      const next = stays[i + 1];
      return next
        ? {
            ...base,
            status: 'transferred',
            checkedInAt: stay.checkedInAt,
            endedAt: next.checkedInAt,
            transferredTo: next.communityId,
          }
        : { ...base, status: 'active', checkedInAt: stay.checkedInAt };
    }),
  );
  return { checkIns };
}
