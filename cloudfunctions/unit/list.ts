import type { ActionSpec } from '../_shared/handler';
import { findMany } from '../_shared/collections';
import { noInput } from '../_shared/schemas';
import { unitSummary } from '../_shared/views';

export const list: ActionSpec<'unit', 'list'> = {
  input: noInput,
  async run() {
    const units = await findMany('units', {}, { orderBy: ['_id', 'asc'] });
    return { units: units.map(unitSummary) };
  },
};
