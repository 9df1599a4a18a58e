import { NOTIFY_INPUTS } from '../../domain/schemas/notify';
import { AppError } from '../_shared/errors';
import { defineAction } from '../_shared/handler';

// Placeholder until the action is written.
export const subscribe = defineAction<'notify', 'subscribe'>({
  access: 'signedIn',
  input: NOTIFY_INPUTS.subscribe,
  async run() {
    throw new AppError('INTERNAL');
  },
});
