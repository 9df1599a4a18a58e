import { ORDER_INPUTS } from '../../domain/schemas/order';
import { AppError } from '../_shared/errors';
import { defineAction } from '../_shared/handler';

// Placeholder until the action is written.
export const release = defineAction<'order', 'release'>({
  access: 'member',
  input: ORDER_INPUTS.release,
  async run() {
    throw new AppError('INTERNAL');
  },
});
