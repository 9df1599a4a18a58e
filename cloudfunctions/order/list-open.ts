import { ORDER_INPUTS } from '../../domain/schemas/order';
import { AppError } from '../_shared/errors';
import { defineAction } from '../_shared/handler';

// Placeholder until the action is written.
export const listOpen = defineAction<'order', 'listOpen'>({
  access: 'member',
  input: ORDER_INPUTS.listOpen,
  async run() {
    throw new AppError('INTERNAL');
  },
});
