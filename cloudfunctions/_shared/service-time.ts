import type { ServiceRecordDoc, ServiceRules } from '../../types';
import { ERRORS } from '../../types';
import { endOfChinaDay, startOfChinaDay } from '../../domain/periods';
import { sameChinaDay } from '../../domain/time';
import { type Transaction, docs, findMany, oneOf, within } from './data';
import { AppError } from './errors';
import { inTransaction } from './transaction';

const MINUTE = 60_000;

/**
 * Records that still count for the time they name (a rejected one frees its time); a request's record waiting for the
 * resident's rating holds its time too.
 */
const STANDING = ['signedIn', 'awaitingRating', 'pending', 'confirmed'] as const;

/**
 * The rules of time for a report (or a correction): the end after the start, not in the future, within one China-time
 * day (an end at midnight belongs to the day it ends). Answers the whole minutes.
 */
export function checkTimes(startAt: number, endAt: number, now: number): number {
  if (endAt <= startAt) throw new AppError('END_BEFORE_START');
  if (endAt > now) throw new AppError('TIME_IN_FUTURE');
  if (!sameChinaDay(startAt, endAt - 1)) {
    throw new AppError('INVALID_INPUT', '开始和结束要在同一天；跨天的服务请分两条记录');
  }
  const minutes = Math.floor((endAt - startAt) / MINUTE);
  if (minutes < 1) throw new AppError('INVALID_INPUT', '服务时间至少要1分钟');
  return minutes;
}

/**
 * Refuses a new record of `memberId` from `startAt` to `endAt` that overlaps another of their standing records, or that
 * takes the day's total past the cap. `ignore` are records it may overlap and that do not count towards the day (the
 * record a correction replaces, and the ones before it). The day's total is the sum of what the records add
 * (creditMinutes: a correction adds its difference), so a corrected record counts as its corrected hours.
 */
export async function checkClashes(
  memberId: string,
  startAt: number,
  endAt: number,
  minutes: number,
  rules: ServiceRules,
  ignore: ReadonlySet<string> = new Set(),
): Promise<void> {
  const overlapping = await findMany(
    'serviceRecords',
    { memberId, status: oneOf(STANDING), startAt: within({ lt: endAt }), endAt: within({ gt: startAt }) },
    { limit: 20 },
  );
  if (overlapping.some((record) => !ignore.has(record._id))) throw new AppError('TIME_OVERLAP');
  const dayStart = startOfChinaDay(startAt);
  const sameDay = await findMany('serviceRecords', {
    memberId,
    status: oneOf(STANDING),
    startAt: within({ gte: dayStart, lte: endOfChinaDay(startAt) }),
  });
  const dayTotal = sameDay
    .filter((record) => !ignore.has(record._id))
    .reduce((sum, record) => sum + record.creditMinutes, 0);
  if (dayTotal + minutes > rules.dailyCapHours * 60) {
    throw new AppError('DAILY_CAP', ERRORS.DAILY_CAP.replace('12', String(rules.dailyCapHours)));
  }
}

/** The counter each new record of a member moves, so that two of their records are never added on one check. */
export function memberRecordsCounterId(memberId: string): string {
  return `records-${memberId}`;
}

const ROUNDS = 6;

/**
 * Adds a member's new record only if no other record of theirs was added since `check` ran: the member's counter is
 * read before the check and moved in the same transaction as the write, so two concurrent reports meet on it and the
 * later one checks again (and sees the first). `write` answers what to return, or throws a refusal.
 */
export async function addChecked<T>(
  memberId: string,
  check: () => Promise<void>,
  write: (transaction: Transaction) => Promise<T>,
): Promise<T> {
  const counterId = memberRecordsCounterId(memberId);
  for (let round = 0; round < ROUNDS; round++) {
    const seen = (await docs('counters').get(counterId))?.value ?? 0;
    await check();
    const done = await inTransaction(async (transaction) => {
      const counters = docs('counters', transaction);
      if (((await counters.get(counterId))?.value ?? 0) !== seen) return { stale: true as const };
      const result = await write(transaction);
      await counters.set(counterId, { value: seen + 1 });
      return { stale: false as const, result };
    });
    if (!done.stale) return done.result;
  }
  throw new AppError('BUSY');
}

/** A record's own chain of corrections back to the first: a correction may overlap every record it replaces. */
export async function correctedChain(record: ServiceRecordDoc): Promise<Set<string>> {
  const chain = new Set<string>([record._id]);
  let current: ServiceRecordDoc | null = record;
  while (current?.correctsId && !chain.has(current.correctsId)) {
    chain.add(current.correctsId);
    current = await docs('serviceRecords').get(current.correctsId);
  }
  return chain;
}
