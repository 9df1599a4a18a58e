import { CARD_INPUTS } from '../../domain/schemas/card';
import { requireRegistered } from '../_shared/access';
import { docs } from '../_shared/data';
import { defineAction } from '../_shared/handler';
import { stampedLines } from './stamped-lines';

/** More stamped lines of the caller's 活动证, newest first. */
export const lines = defineAction<'card', 'lines'>({
  access: 'signedIn',
  input: CARD_INPUTS.lines,
  async run({ cursor, limit }, { openid }) {
    const member = requireRegistered(await docs('members').get(openid));
    return stampedLines(member._id, cursor, limit);
  },
});
