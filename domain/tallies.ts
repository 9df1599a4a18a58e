import type { ServiceRecordDoc } from '../types';
import { halfMonthKey, quarterKey, yearOf } from './periods';

/**
 * The totals of confirmed minutes that views read (collection `tallies`). A member's totals have one document each; a
 * unit's or a community's quarter is split over TALLY_SHARDS documents (`<key>#<shard>`), so that staff stamping at
 * the same moment rarely write the same one, and a view adds the shards up.
 */
export const TALLY_SHARDS = 8;

export const tallyKeys = {
  memberAll: (memberId: string) => `member:${memberId}:all`,
  memberYear: (memberId: string, at: number) => `member:${memberId}:${yearOf(at)}`,
  memberPostHalf: (memberId: string, postId: string, at: number) => `post:${postId}:${memberId}:${halfMonthKey(at)}`,
  unitQuarter: (unitId: string, at: number) => `unit:${unitId}:${quarterKey(at)}`,
  communityQuarter: (communityId: string, at: number) => `community:${communityId}:${quarterKey(at)}`,
};

/** Whether a key is split over shards. */
export function isSharded(key: string): boolean {
  return key.startsWith('unit:') || key.startsWith('community:');
}

export function tallyDocId(key: string, shard: number): string {
  return isSharded(key) ? `${key}#${shard}` : key;
}

/** The document ids that together hold a key's total. */
export function tallyDocIds(key: string): string[] {
  return isSharded(key) ? Array.from({ length: TALLY_SHARDS }, (_, shard) => tallyDocId(key, shard)) : [key];
}

export interface Credit {
  memberId: string;
  unitId: string;
  communityId: string;
  postId: string | null;
  /** When the service took place: which year, half-month and quarter it counts in. */
  at: number;
  minutes: number;
  /** Records it counts as (a correction adds minutes but no record). */
  records: number;
}

/** Every key a confirmed record adds to. */
export function keysOf(credit: Credit): string[] {
  const keys = [
    tallyKeys.memberAll(credit.memberId),
    tallyKeys.memberYear(credit.memberId, credit.at),
    tallyKeys.unitQuarter(credit.unitId, credit.at),
    tallyKeys.communityQuarter(credit.communityId, credit.at),
  ];
  if (credit.postId) keys.push(tallyKeys.memberPostHalf(credit.memberId, credit.postId, credit.at));
  return keys;
}

/** What a confirmed record adds: its credited minutes, counted when the service took place; a correction adds no record. */
export function creditOf(record: ServiceRecordDoc): Credit {
  return {
    memberId: record.memberId,
    unitId: record.unitId,
    communityId: record.communityId,
    postId: record.postId,
    at: record.startAt,
    minutes: record.creditMinutes,
    records: record.source === 'correction' ? 0 : 1,
  };
}
