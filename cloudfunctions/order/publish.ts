import { ORDER_INPUTS } from '../../domain/schemas/order';
import { AppError } from '../_shared/errors';
import { defineAction } from '../_shared/handler';

// Placeholder until the action is written.
export const publish = defineAction<'order', 'publish'>({
  access: 'staff',
  input: ORDER_INPUTS.publish,
  async run() {
    throw new AppError('INTERNAL');
  },
});
