import { signOutMissed } from '../../domain/attendance';
import { RECORD_INPUTS } from '../../domain/schemas/record';
import { audit } from '../_shared/audit';
import { currentTime } from '../_shared/clock';
import { docs } from '../_shared/data';
import { AppError } from '../_shared/errors';
import { defineAction } from '../_shared/handler';
import { inTransaction } from '../_shared/transaction';
import { tellMembers } from './decided-message';
import { bodyOf, isDecided, recordsForStaff, requireRated } from './staff-records';
import { activitiesById, closedAtEnd, recordViews } from './views';

/** Staff reject a pending record (or an attendance past its activity's end) with a reason the member sees; final. */
export const reject = defineAction<'record', 'reject'>({
  access: 'staff',
  input: RECORD_INPUTS.reject,
  async run({ recordId, reason }, { openid, user, communityId }) {
    const [before] = await recordsForStaff([recordId], { openid, communityId });
    if (isDecided(before)) throw new AppError('ALREADY_STAMPED');
    requireRated(before);
    const activities = await activitiesById([before.activityId]);
    const rejected = await inTransaction(async (transaction) => {
      const records = docs('serviceRecords', transaction);
      const current = await records.get(recordId);
      if (!current) throw new AppError('RECORD_NOT_FOUND');
      if (isDecided(current)) throw new AppError('ALREADY_STAMPED');
      requireRated(current);
      const now = currentTime();
      let ready = current;
      if (current.status === 'signedIn') {
        const activity = current.activityId ? activities.get(current.activityId) : undefined;
        if (!activity || !signOutMissed(activity.endsAt, now)) throw new AppError('SIGNED_IN_STILL');
        ready = closedAtEnd(current, activity, now);
      }
      const record = {
        ...ready,
        status: 'rejected' as const,
        rejectReason: reason,
        decidedBy: openid,
        decidedByName: user.name,
        decidedAt: now,
        updatedAt: now,
      };
      await audit(
        {
          action: 'record.reject',
          actorId: openid,
          targetId: recordId,
          detail: { communityId, memberId: record.memberId, reason },
        },
        transaction,
      );
      await records.set(recordId, bodyOf(record));
      return record;
    });
    await tellMembers([rejected], { result: 'rejected', reason });
    const [view] = await recordViews([rejected]);
    return { record: view };
  },
});
