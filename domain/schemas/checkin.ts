import * as v from 'valibot';
import { ERRORS } from '../../types/errors';
import { type InputTable, documentId, noInput, request } from './common';

export const CHECKIN_INPUTS = {
  checkIn: request({
    communityId: documentId(ERRORS.COMMUNITY_NOT_FOUND),
    transfer: v.optional(v.boolean()),
  }),
  getMine: noInput,
} satisfies InputTable<'checkin'>;
