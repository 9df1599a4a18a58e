import { ERRORS } from '../../types/errors';
import { type InputTable, documentId, noInput, request } from './common';

export const COMMUNITY_INPUTS = {
  list: noInput,
  get: request({ communityId: documentId(ERRORS.COMMUNITY_NOT_FOUND) }),
  getQrCode: noInput,
} satisfies InputTable<'community'>;
