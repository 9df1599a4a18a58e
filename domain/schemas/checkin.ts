import * as z from 'zod/mini';
import { ERRORS } from '../../types/errors';
import { type InputTable, documentId, noInput } from './common';

export const CHECKIN_INPUTS = {
  checkIn: z.strictObject({
    communityId: documentId(ERRORS.COMMUNITY_NOT_FOUND),
    transfer: z.optional(z.boolean()),
  }),
  getMine: noInput,
} satisfies InputTable<'checkin'>;
