import { ERRORS } from '../../types/errors';
import { type InputTable, documentId, noInput, request } from './common';
import { pageRequest } from './paging';

export const COMMUNITY_INPUTS = {
  list: noInput,
  get: request({ communityId: documentId(ERRORS.COMMUNITY_NOT_FOUND) }),
  getQrCode: noInput,
  staffHome: noInput,
  listCheckedIn: pageRequest,
} satisfies InputTable<'community'>;
