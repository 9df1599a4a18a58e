import type { LedgerEntryDoc, LedgerHeadDoc, LedgerProblem, ServiceRecordDoc } from '../types';
import { GENESIS_HASH, entryHash, recordHash } from './ledger';

/** At most this many places of one gap are named (a forged seq must not flood the answer). */
export const MAX_GAP_LISTED = 1000;

export interface LedgerWalk {
  communityId: string;
  /** The community's entries, in the order of their `seq`. */
  entries: readonly LedgerEntryDoc[];
  head: LedgerHeadDoc | null;
  /**
   * The records as stored now: every record of the community that counts as confirmed, and every record an entry
   * names (wherever it is now). A record that is not here is gone.
   */
  records: ReadonlyMap<string, ServiceRecordDoc>;
}

export interface LedgerWalkResult {
  entries: number;
  problems: LedgerProblem[];
}

function problemOrder(a: LedgerProblem, b: LedgerProblem): number {
  const seqA = a.seq ?? Number.MAX_SAFE_INTEGER;
  const seqB = b.seq ?? Number.MAX_SAFE_INTEGER;
  if (seqA !== seqB) return seqA - seqB;
  return (a.recordId ?? '').localeCompare(b.recordId ?? '');
}

/**
 * Walks one community's chain against its head and the records as they are now, and names every problem:
 * `edited` (a record no longer hashes as its entry says), `deleted` (an entry's record is gone), `inserted` (a
 * confirmed record that no entry stamps, or whose place does not match the entry there), `truncated` (places missing
 * from the chain — in its middle, or cut off its end up to the head) and `broken` (an entry that does not link to the
 * one before, whose own hash does not match, or a head that does not end the chain). Pure: reads nothing else.
 */
export function checkLedger({ communityId, entries, head, records }: LedgerWalk): LedgerWalkResult {
  const problems: LedgerProblem[] = [];
  /** Which record each place stamps, as its entry says. */
  const stamped = new Map<string, number>();
  /** Places with no entry: a record that claims one was stamped there and cut off. */
  const missing = new Set<number>();
  const recordAt = new Map<number, string>();
  for (const record of records.values()) {
    if (record.communityId === communityId && record.status === 'confirmed' && record.ledgerSeq !== undefined) {
      recordAt.set(record.ledgerSeq, record._id);
    }
  }
  const gap = (from: number, to: number) => {
    for (let seq = from; seq <= to; seq += 1) {
      missing.add(seq);
      problems.push({ kind: 'truncated', recordId: recordAt.get(seq) ?? null, seq });
    }
  };

  let prevHash = GENESIS_HASH;
  let expected = 1;
  for (const entry of entries) {
    // After entries cut out of the middle the next one cannot link to what we hold: only the gap is named.
    const afterGap = entry.seq > expected;
    if (afterGap) gap(expected, Math.min(entry.seq - 1, expected + MAX_GAP_LISTED - 1));
    const linked = afterGap || entry.prevHash === prevHash;
    if (!linked || entryHash(entry) !== entry.hash || entry.communityId !== communityId) {
      problems.push({ kind: 'broken', recordId: entry.recordId, seq: entry.seq });
    }
    const record = records.get(entry.recordId);
    if (!record) {
      problems.push({ kind: 'deleted', recordId: entry.recordId, seq: entry.seq });
    } else if (recordHash(record) !== entry.recordHash) {
      problems.push({ kind: 'edited', recordId: entry.recordId, seq: entry.seq });
    }
    if (!stamped.has(entry.recordId)) stamped.set(entry.recordId, entry.seq);
    prevHash = entry.hash;
    expected = Math.max(expected, entry.seq + 1);
  }
  const last = entries.at(-1);
  const lastSeq = last?.seq ?? 0;
  if (head && head.seq > lastSeq) {
    // Entries cut off the end: the head still says how far the chain went.
    gap(lastSeq + 1, Math.min(head.seq, lastSeq + MAX_GAP_LISTED));
  } else if (head && head.seq < lastSeq) {
    // Entries past the head: added without the head moving.
    const firstPast = entries.find((entry) => entry.seq > head.seq);
    problems.push({ kind: 'broken', recordId: firstPast?.recordId ?? null, seq: firstPast?.seq ?? head.seq + 1 });
  } else if (last && (!head || head.hash !== last.hash)) {
    problems.push({ kind: 'broken', recordId: null, seq: lastSeq });
  }

  for (const record of records.values()) {
    if (record.communityId !== communityId || record.status !== 'confirmed') continue;
    const seq = stamped.get(record._id);
    // Named by an entry: its hash (which holds its place) already tells whether it was changed.
    if (seq !== undefined) continue;
    if (record.ledgerSeq !== undefined && missing.has(record.ledgerSeq)) continue; // named as truncated
    problems.push({ kind: 'inserted', recordId: record._id, seq: record.ledgerSeq ?? null });
  }
  problems.sort(problemOrder);
  return { entries: entries.length, problems };
}

/** One problem as a person reads it (the county admin's page and `npm run ledger:verify`). */
export function describeProblem(problem: LedgerProblem): string {
  const place = problem.seq === null ? '' : `第${problem.seq}条：`;
  const record = problem.recordId === null ? '' : `记录（${problem.recordId}）`;
  switch (problem.kind) {
    case 'edited':
      return `${place}${record}盖章后被改动过，内容与账本不符`;
    case 'deleted':
      return `${place}账本里的${record || '记录'}已被删除`;
    case 'inserted':
      return `${record || '一条记录'}算作已盖章${problem.seq === null ? '' : `（自称第${problem.seq}条）`}，但账本里没有盖章的记载`;
    case 'truncated':
      return `${place}账本缺了这一条${record ? `，它盖章的是${record}` : ''}`;
    case 'broken':
      return `${place}账本在这里接不上，校验值不符`;
  }
}
