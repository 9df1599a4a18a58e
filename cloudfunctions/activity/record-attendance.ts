import { attendanceMinutes, attendanceRecordId } from '../../domain/attendance';
import { ACTIVITY_INPUTS } from '../../domain/schemas/activity';
import { audit } from '../_shared/audit';
import { currentTime } from '../_shared/clock';
import { docs } from '../_shared/data';
import { AppError } from '../_shared/errors';
import { defineAction } from '../_shared/handler';
import { newRecord } from '../_shared/records';
import { inTransaction } from '../_shared/transaction';
import { attendanceRows } from './attendance-rows';

/**
 * Staff record the attendance of a member checked in at their community who has no phone with them: the record waits
 * for stamping like any other and says who made it; logged.
 */
export const recordAttendance = defineAction<'activity', 'recordAttendance'>({
  access: 'staff',
  input: ACTIVITY_INPUTS.recordAttendance,
  async run({ activityId, memberId, signedInAt, signedOutAt }, { openid, user, communityId }) {
    if (memberId === openid) throw new AppError('OWN_RECORD', '不能为自己补录签到，请由社区其他工作人员补录');
    const [activity, member] = await Promise.all([docs('activities').get(activityId), docs('members').get(memberId)]);
    if (!activity) throw new AppError('ACTIVITY_NOT_FOUND');
    if (activity.communityId !== communityId) throw new AppError('FORBIDDEN');
    if (activity.status === 'cancelled') throw new AppError('ACTIVITY_CANCELLED');
    if (!member || member.status === 'deleted') throw new AppError('MEMBER_NOT_FOUND');
    if (member.status !== 'verified') throw new AppError('NOT_VERIFIED', '这名党员的身份还没有经单位党组织确认');
    if (member.communityId !== communityId || member.checkedInAt === undefined) {
      throw new AppError('NOT_CHECKED_IN_HERE', '这名党员还没有在本社区报到');
    }
    const now = currentTime();
    if (signedOutAt > now) throw new AppError('TIME_IN_FUTURE');
    const startAt = Math.max(signedInAt, activity.startsAt);
    const endAt = Math.min(signedOutAt, activity.endsAt);
    if (endAt <= startAt) throw new AppError('INVALID_INPUT', '签到和签退时间要在活动时间之内');
    const minutes = attendanceMinutes(activity, signedInAt, signedOutAt);
    const recordId = attendanceRecordId(activityId, memberId);
    const record = newRecord(
      {
        _id: recordId,
        communityId,
        memberId,
        unitId: member.unitId,
        source: 'activity',
        postId: activity.postId,
        activityId,
        description: activity.title,
        startAt,
        endAt,
        minutes,
        photos: [],
        attendance: {
          signedInAt,
          signedOutAt,
          signOutMissing: false,
          signInLocation: 'unknown',
          signOutLocation: 'unknown',
        },
        recordedBy: openid,
        recordedByName: user.name,
        byStaff: true,
      },
      now,
    );
    await inTransaction(async (transaction) => {
      const records = docs('serviceRecords', transaction);
      if (await records.get(recordId)) {
        throw new AppError('ALREADY_STAMPED', '这名党员在这个活动已经有签到记录了');
      }
      await records.add(record);
      await audit(
        { action: 'record.staffAttendance', actorId: openid, targetId: recordId, detail: { activityId, memberId } },
        transaction,
      );
    });
    const [row] = await attendanceRows([record], activity.endsAt, now);
    return { row };
  },
});
