import { type InputTable, noInput } from './common';
import { pageRequest } from './paging';

export const CARD_INPUTS = {
  get: noInput,
  lines: pageRequest,
} satisfies InputTable<'card'>;
