import { NOTIFY_INPUTS } from '../../domain/schemas/notify';
import { AppError } from '../_shared/errors';
import { defineAction } from '../_shared/handler';

// Placeholder until the action is written.
export const mine = defineAction<'notify', 'mine'>({
  access: 'signedIn',
  input: NOTIFY_INPUTS.mine,
  async run() {
    throw new AppError('INTERNAL');
  },
});
