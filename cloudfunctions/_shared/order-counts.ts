import { chinaMonthKey } from '../../domain/periods';
import { type Transaction, docs, increment } from './data';

/**
 * The counters of a community's requests done (rated, or confirmed by staff): this China-time month and in all. They
 * move in the transaction that finishes a request and never go back, so a resident deleting their data keeps them.
 */
export function doneCounterIds(communityId: string, at: number): { month: string; all: string } {
  return { month: `ordersDone-${communityId}-${chinaMonthKey(at)}`, all: `ordersDone-${communityId}` };
}

export async function countDone(communityId: string, at: number, transaction: Transaction): Promise<void> {
  const ids = doneCounterIds(communityId, at);
  const counters = docs('counters', transaction);
  for (const id of [ids.month, ids.all]) {
    const held = await counters.get(id);
    if (held) await counters.update(id, { value: increment(1) });
    else await counters.set(id, { value: 1 });
  }
}
