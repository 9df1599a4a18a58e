import { randomInt } from 'node:crypto';
import { type Credit, keysOf, tallyDocId, tallyDocIds, isSharded, TALLY_SHARDS } from '../../domain/tallies';
import { type Transaction, docs, increment } from './data';

/**
 * Adds confirmed minutes to every total they count in, inside the confirming transaction. Credits to the same key are
 * summed first, so a batch writes each total once; a sharded total is written on one shard picked at random.
 */
export async function addToTallies(transaction: Transaction, credits: Credit[]): Promise<void> {
  const sums = new Map<string, { minutes: number; records: number }>();
  for (const credit of credits) {
    for (const key of keysOf(credit)) {
      const sum = sums.get(key) ?? { minutes: 0, records: 0 };
      sum.minutes += credit.minutes;
      sum.records += credit.records;
      sums.set(key, sum);
    }
  }
  const tallies = docs('tallies', transaction);
  for (const [key, sum] of sums) {
    const shard = isSharded(key) ? randomInt(TALLY_SHARDS) : 0;
    const id = tallyDocId(key, shard);
    const existing = await tallies.get(id);
    if (existing) {
      await tallies.update(id, { minutes: increment(sum.minutes), records: increment(sum.records) });
    } else {
      await tallies.set(id, { key, shard, minutes: sum.minutes, records: sum.records });
    }
  }
}

/** Totals of keys (summing their shards), read by id: one read per document, however many records there are. */
export async function readTallies(keys: string[]): Promise<Map<string, { minutes: number; records: number }>> {
  const tallies = docs('tallies');
  const totals = new Map<string, { minutes: number; records: number }>();
  await Promise.all(
    keys.map(async (key) => {
      const found = await Promise.all(tallyDocIds(key).map((id) => tallies.get(id)));
      totals.set(key, {
        minutes: found.reduce((sum, doc) => sum + (doc?.minutes ?? 0), 0),
        records: found.reduce((sum, doc) => sum + (doc?.records ?? 0), 0),
      });
    }),
  );
  return totals;
}
