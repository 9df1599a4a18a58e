import { CHECKIN_INPUTS } from '../../domain/schemas/checkin';
import { requireRegistered } from '../_shared/access';
import { docs } from '../_shared/data';
import { defineAction } from '../_shared/handler';
import { checkInHistory } from './history';

/**
 * Every residence community of a registered member (confirmed or not), newest first; the current one is the one with
 * status `active`.
 */
export const getMine = defineAction<'checkin', 'getMine'>({
  access: 'signedIn',
  input: CHECKIN_INPUTS.getMine,
  async run(_input, { openid }) {
    requireRegistered(await docs('members').get(openid));
    return { history: await checkInHistory(openid) };
  },
});
