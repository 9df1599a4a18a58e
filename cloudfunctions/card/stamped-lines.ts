import type { Paged, ServiceRecordDoc, StampedLine } from '../../types';
import { PAGE_DEFAULT } from '../../domain/schemas/paging';
import { type Where, findMany, within } from '../_shared/data';
import { AppError } from '../_shared/errors';
import { communitiesById } from '../_shared/lookups';

function line(record: ServiceRecordDoc, communityName: string): StampedLine {
  return {
    recordId: record._id,
    date: record.startAt,
    what: record.description,
    source: record.source,
    minutes: record.minutes,
    communityName,
    stampedByName: record.decidedByName ?? '',
    stampedAt: record.decidedAt ?? record.updatedAt,
    correctsId: record.correctsId,
  };
}

function newestFirst(a: ServiceRecordDoc, b: ServiceRecordDoc): number {
  return b.startAt - a.startAt || (a._id < b._id ? 1 : a._id > b._id ? -1 : 0);
}

/**
 * A page of the member's confirmed records, newest service first, read by the (memberId, startAt) index: at most three
 * queries however many records there are. The cursor is the start time the page ended at; records that share it all go
 * on the same page (a correction starts when the record it corrects did), so none is skipped or shown twice.
 */
export async function stampedLines(
  memberId: string,
  cursor: string | undefined,
  limit = PAGE_DEFAULT,
): Promise<Paged<StampedLine>> {
  const before = cursor === undefined ? undefined : Number(cursor);
  if (before !== undefined && !Number.isSafeInteger(before)) throw new AppError('INVALID_INPUT');
  const base: Where<ServiceRecordDoc> = { memberId, status: 'confirmed' };
  const where = before === undefined ? base : { ...base, startAt: within({ lt: before }) };
  const found = await findMany('serviceRecords', where, { orderBy: ['startAt', 'desc'], limit: limit + 1 });
  let page = found.slice(0, limit);
  let next: string | null = null;
  if (found.length > limit) {
    const boundary = page[page.length - 1].startAt;
    if (found[limit].startAt === boundary) {
      const tied = await findMany('serviceRecords', { ...base, startAt: boundary });
      page = [...page.filter((record) => record.startAt !== boundary), ...tied];
    }
    next = String(boundary);
  }
  page.sort(newestFirst);
  const communities = await communitiesById(page.map((record) => record.communityId));
  return {
    items: page.map((record) => line(record, communities.get(record.communityId)?.name ?? '已撤销的社区')),
    next,
  };
}
