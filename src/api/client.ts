// The only place that talks to the backend: the cloud functions and the files they keep.
import type { ActionName, CallEvent, FunctionName, RequestOf, ResponseOf } from '../../types';
import { ApiError, asApiError } from './errors';
import { transport } from './transport';

export { ApiError, errorMessage } from './errors';

/** Runs a transport step; whatever it threw that is not an ApiError never reached the backend (OFFLINE). */
async function reach<T>(step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (e) {
    throw asApiError(e);
  }
}

/** Calls `fn` with `{ action, data }`; resolves with the data, or throws an ApiError with the server's message. */
export async function call<F extends FunctionName, A extends ActionName<F>>(
  fn: F,
  action: A,
  data: RequestOf<F, A>,
): Promise<ResponseOf<F, A>> {
  const event: CallEvent<F, A> = { action, data };
  const result = await reach(() => transport.callFunction(fn, event));
  if (!result || typeof result !== 'object' || !('ok' in result)) throw new ApiError('INTERNAL');
  if (!result.ok) throw new ApiError(result.code, result.message);
  return result.data as ResponseOf<F, A>;
}

/** Stores an image the person chose (the temporary path from chooseImage/chooseMedia); resolves with its fileID. */
export function uploadImage(filePath: string): Promise<string> {
  return reach(() => transport.uploadFile(filePath));
}

/** An address to show a stored file at: temporary on WeChat, so ask again rather than keeping it. */
export function tempFileUrl(fileID: string): Promise<string> {
  return reach(() => transport.tempFileUrl(fileID));
}

/** Fetches a stored file (an export, say) to the device; resolves with a path or URL the platform can open. */
export function downloadFile(fileID: string): Promise<string> {
  return reach(() => transport.downloadFile(fileID));
}
