import { ORDER_INPUTS } from '../../domain/schemas/order';
import { AppError } from '../_shared/errors';
import { defineAction } from '../_shared/handler';

// Placeholder until the action is written.
export const get = defineAction<'order', 'get'>({
  access: 'signedIn',
  input: ORDER_INPUTS.get,
  async run() {
    throw new AppError('INTERNAL');
  },
});
