import type { ServiceRecordDoc } from '../../types';
import { GENESIS_HASH, entryHash, ledgerEntryId, recordHash } from '../../domain/ledger';
import { type Transaction, docs } from './data';

/**
 * Chains confirmed records onto their community's ledger, inside the confirming transaction: each entry holds the
 * hash of the record as confirmed and of the entry before it, and the head moves to the last. `records` are as they
 * will be stored, without `ledgerSeq`; answers them with their place in the chain set.
 */
export async function chainToLedger(
  transaction: Transaction,
  communityId: string,
  records: ServiceRecordDoc[],
  at: number,
): Promise<ServiceRecordDoc[]> {
  if (records.length === 0) return [];
  const heads = docs('ledgerHeads', transaction);
  const head = await heads.get(communityId);
  let seq = head?.seq ?? 0;
  let prevHash = head?.hash ?? GENESIS_HASH;
  const chained: ServiceRecordDoc[] = [];
  for (const record of records) {
    seq += 1;
    const stamped = { ...record, ledgerSeq: seq };
    const entry = { communityId, seq, recordId: record._id, recordHash: recordHash(stamped), prevHash, at };
    const hash = entryHash(entry);
    await docs('ledgerEntries', transaction).add({ _id: ledgerEntryId(communityId, seq), ...entry, hash });
    prevHash = hash;
    chained.push(stamped);
  }
  await heads.set(communityId, { seq, hash: prevHash, updatedAt: at });
  return chained;
}
