import { BOARD_INPUTS } from '../../domain/schemas/board';
import { AppError } from '../_shared/errors';
import { defineAction } from '../_shared/handler';

// Placeholder until the action is written.
export const get = defineAction<'board', 'get'>({
  access: 'signedIn',
  input: BOARD_INPUTS.get,
  async run() {
    throw new AppError('INTERNAL');
  },
});
