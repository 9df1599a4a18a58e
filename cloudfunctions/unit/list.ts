import { UNIT_INPUTS } from '../../domain/schemas/unit';
import { findMany } from '../_shared/data';
import { defineAction } from '../_shared/handler';
import { unitSummary } from '../_shared/views';

export const list = defineAction<'unit', 'list'>({
  access: 'signedIn',
  input: UNIT_INPUTS.list,
  async run() {
    const units = await findMany('units', {}, { orderBy: ['_id', 'asc'] });
    return { units: units.map(unitSummary) };
  },
});
