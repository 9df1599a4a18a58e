import { ORDER_INPUTS } from '../../domain/schemas/order';
import { AppError } from '../_shared/errors';
import { defineAction } from '../_shared/handler';

// Placeholder until the action is written.
export const markDone = defineAction<'order', 'markDone'>({
  access: 'member',
  input: ORDER_INPUTS.markDone,
  async run() {
    throw new AppError('INTERNAL');
  },
});
