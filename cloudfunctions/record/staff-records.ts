import type { ServiceRecordDoc } from '../../types';
import { findMany, oneOf } from '../_shared/data';
import { AppError } from '../_shared/errors';

/** A decision stands: a confirmed or rejected record is final. */
export function isDecided(record: ServiceRecordDoc): boolean {
  return record.status === 'confirmed' || record.status === 'rejected';
}

/** A request's record waits for the resident's rating (or staff's confirmation of the request) before staff stamp it. */
export function requireRated(record: ServiceRecordDoc): void {
  if (record.status === 'awaitingRating') throw new AppError('ORDER_STATE');
}

/**
 * The records staff mean to decide on, read before anything is written: the whole request is refused when any is
 * missing, of another community, or the staff member's own.
 */
export async function recordsForStaff(
  ids: string[],
  staff: { openid: string; communityId: string },
): Promise<ServiceRecordDoc[]> {
  const found = await findMany('serviceRecords', { _id: oneOf(ids) });
  const byId = new Map(found.map((record) => [record._id, record]));
  const records = ids.map((id) => byId.get(id));
  if (records.some((record) => !record)) throw new AppError('RECORD_NOT_FOUND');
  const present = records as ServiceRecordDoc[];
  if (present.some((record) => record.communityId !== staff.communityId)) throw new AppError('NOT_YOUR_COMMUNITY');
  if (present.some((record) => record.memberId === staff.openid)) throw new AppError('OWN_RECORD');
  return present;
}

/** A record as stored (without its id), for `set`. */
export function bodyOf(record: ServiceRecordDoc): Omit<ServiceRecordDoc, '_id'> {
  const { _id: _unused, ...body } = record;
  return body;
}
