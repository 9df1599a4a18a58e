import { ORDER_INPUTS } from '../../domain/schemas/order';
import { AppError } from '../_shared/errors';
import { defineAction } from '../_shared/handler';

// Placeholder until the action is written.
export const take = defineAction<'order', 'take'>({
  access: 'member',
  input: ORDER_INPUTS.take,
  async run() {
    throw new AppError('INTERNAL');
  },
});
