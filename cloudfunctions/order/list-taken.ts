import { ORDER_INPUTS } from '../../domain/schemas/order';
import { AppError } from '../_shared/errors';
import { defineAction } from '../_shared/handler';

// Placeholder until the action is written.
export const listTaken = defineAction<'order', 'listTaken'>({
  access: 'member',
  input: ORDER_INPUTS.listTaken,
  async run() {
    throw new AppError('INTERNAL');
  },
});
