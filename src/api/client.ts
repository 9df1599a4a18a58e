// The only place that talks to the cloud functions.
import type { ActionName, CallEvent, FunctionName, RequestOf, ResponseOf } from '../../types';
import { ApiError } from './errors';
import { send } from './transport';

export { ApiError, errorMessage } from './errors';

/** Calls `fn` with `{ action, data }`; resolves with the data, or throws an ApiError with the server's message. */
export async function call<F extends FunctionName, A extends ActionName<F>>(
  fn: F,
  action: A,
  data: RequestOf<F, A>,
): Promise<ResponseOf<F, A>> {
  const event: CallEvent<F, A> = { action, data };
  const result = await send(fn, event);
  if (!result || typeof result !== 'object' || !('ok' in result)) throw new ApiError('INTERNAL');
  if (!result.ok) throw new ApiError(result.code, result.message);
  return result.data as ResponseOf<F, A>;
}
