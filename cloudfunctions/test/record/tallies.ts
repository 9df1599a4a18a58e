import type { TestCloud } from 'wx-local-cloud/testing';
import { tallyDocIds } from '../../../domain/tallies';

/** Totals of tally keys as stored (shards added up), read straight from the database. */
export async function readTalliesDirect(
  t: TestCloud,
  keys: string[],
): Promise<Array<{ minutes: number; records: number }>> {
  const totals: Array<{ minutes: number; records: number }> = [];
  for (const key of keys) {
    const total = { minutes: 0, records: 0 };
    for (const id of tallyDocIds(key)) {
      const { data } = await t.db
        .collection('tallies')
        .doc(id)
        .get()
        .catch(() => ({ data: null }));
      total.minutes += data?.minutes ?? 0;
      total.records += data?.records ?? 0;
    }
    totals.push(total);
  }
  return totals;
}
