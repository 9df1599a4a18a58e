import { NOTIFY_INPUTS } from '../../domain/schemas/notify';
import { defineAction } from '../_shared/handler';
import { grantsOf } from './counts';

/** How many messages of each kind may still be sent to the caller. */
export const mine = defineAction<'notify', 'mine'>({
  access: 'signedIn',
  input: NOTIFY_INPUTS.mine,
  async run(_input, { openid }) {
    return { counts: await grantsOf(openid) };
  },
});
