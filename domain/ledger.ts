import { sha256 } from '@noble/hashes/sha256';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';
import type { ServiceRecordDoc } from '../types';

/** The hash a community's chain starts from. */
export const GENESIS_HASH = '0'.repeat(64);

function hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}

/** What a confirmation stamps of a record: everything that says how many hours, for whom, and who stamped it. */
export function stampedContent(record: ServiceRecordDoc): string {
  return JSON.stringify([
    record._id,
    record.communityId,
    record.memberId,
    record.unitId,
    record.source,
    record.postId,
    record.activityId,
    record.description,
    record.startAt,
    record.endAt,
    record.minutes,
    record.creditMinutes,
    record.photos,
    record.correctsId,
    record.status,
    record.decidedBy ?? null,
    record.decidedAt ?? null,
    record.ledgerSeq ?? null,
  ]);
}

export function recordHash(record: ServiceRecordDoc): string {
  return hex(stampedContent(record));
}

/** An entry's own hash: it binds its place, the record and the entry before it. */
export function entryHash(entry: {
  communityId: string;
  seq: number;
  recordId: string;
  recordHash: string;
  prevHash: string;
  at: number;
}): string {
  return hex(
    JSON.stringify([entry.communityId, entry.seq, entry.recordId, entry.recordHash, entry.prevHash, entry.at]),
  );
}

export function ledgerEntryId(communityId: string, seq: number): string {
  return `${communityId}-${String(seq).padStart(10, '0')}`;
}
