import type { AttendanceRow, LocationCheck, ServiceRecordDoc } from '../../types';
import { signOutMissed } from '../../domain/attendance';
import { findMany, oneOf } from '../_shared/data';

/** One flag for the row: outside if either scan was outside the radius, inside if one was inside, else unknown. */
function rowLocation(record: ServiceRecordDoc): LocationCheck {
  const checks = [record.attendance?.signInLocation, record.attendance?.signOutLocation];
  if (checks.includes('outside')) return 'outside';
  return checks.includes('inside') ? 'inside' : 'unknown';
}

/** Attendance records as their staff see them: who, from which unit, when, the flags, and who recorded it. */
export async function attendanceRows(
  records: ServiceRecordDoc[],
  endsAt: number,
  now: number,
): Promise<AttendanceRow[]> {
  if (records.length === 0) return [];
  const [members, units] = await Promise.all([
    findMany('members', { _id: oneOf([...new Set(records.map((r) => r.memberId))]) }),
    findMany('units', { _id: oneOf([...new Set(records.map((r) => r.unitId))]) }),
  ]);
  const names = new Map(members.map((m) => [m._id, m.name]));
  const unitNames = new Map(units.map((u) => [u._id, u.name]));
  return records
    .map((record) => {
      const evidence = record.attendance;
      const stillIn = record.status === 'signedIn';
      return {
        recordId: record._id,
        memberName: names.get(record.memberId) || '（已删除个人信息）',
        unitName: unitNames.get(record.unitId) ?? '（单位已撤销）',
        signedInAt: evidence?.signedInAt ?? record.startAt,
        signedOutAt: evidence?.signedOutAt ?? null,
        signOutMissing: Boolean(evidence?.signOutMissing) || (stillIn && signOutMissed(endsAt, now)),
        location: rowLocation(record),
        byStaffName: record.byStaff ? record.recordedByName : null,
      };
    })
    .sort((a, b) => a.signedInAt - b.signedInAt);
}
