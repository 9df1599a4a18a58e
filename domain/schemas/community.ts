import * as z from 'zod/mini';
import { ERRORS } from '../../types/errors';
import { type InputTable, documentId, noInput } from './common';

export const COMMUNITY_INPUTS = {
  list: noInput,
  get: z.strictObject({ communityId: documentId(ERRORS.COMMUNITY_NOT_FOUND) }),
  getQrCode: noInput,
} satisfies InputTable<'community'>;
