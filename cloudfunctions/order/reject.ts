import { ORDER_INPUTS } from '../../domain/schemas/order';
import { AppError } from '../_shared/errors';
import { defineAction } from '../_shared/handler';

// Placeholder until the action is written.
export const reject = defineAction<'order', 'reject'>({
  access: 'staff',
  input: ORDER_INPUTS.reject,
  async run() {
    throw new AppError('INTERNAL');
  },
});
