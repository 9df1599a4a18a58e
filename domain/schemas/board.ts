import { ERRORS } from '../../types/errors';
import { type InputTable, documentId, request } from './common';
import * as v from 'valibot';

export const BOARD_INPUTS = {
  get: request({ communityId: v.optional(documentId(ERRORS.COMMUNITY_NOT_FOUND)) }),
} satisfies InputTable<'board'>;
