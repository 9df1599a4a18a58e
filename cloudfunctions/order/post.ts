import { ORDER_INPUTS } from '../../domain/schemas/order';
import { AppError } from '../_shared/errors';
import { defineAction } from '../_shared/handler';

// Placeholder until the action is written.
export const post = defineAction<'order', 'post'>({
  access: 'signedIn',
  input: ORDER_INPUTS.post,
  async run() {
    throw new AppError('INTERNAL');
  },
});
