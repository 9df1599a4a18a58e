import type { ServiceRecordDoc } from '../../types';

/** What a new service record is given: whose, of what, the time served, and who recorded it. */
export type RecordFields = Pick<
  ServiceRecordDoc,
  | '_id'
  | 'communityId'
  | 'memberId'
  | 'unitId'
  | 'source'
  | 'description'
  | 'startAt'
  | 'endAt'
  | 'minutes'
  | 'photos'
  | 'recordedBy'
  | 'recordedByName'
  | 'byStaff'
> &
  Partial<ServiceRecordDoc>;

/**
 * A new service record written at `now`, pending (waiting for staff) from `now` and crediting its minutes; no post,
 * activity, attendance, correction, request or rating unless given (`status` and `pendingSince` too).
 */
export function newRecord(fields: RecordFields, now: number): ServiceRecordDoc {
  return {
    postId: null,
    activityId: null,
    creditMinutes: fields.minutes,
    attendance: null,
    correctsId: null,
    orderId: null,
    rating: null,
    status: 'pending',
    pendingSince: now,
    createdAt: now,
    updatedAt: now,
    ...fields,
  };
}
