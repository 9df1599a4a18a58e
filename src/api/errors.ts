import { ERRORS, type ErrorCode } from '../../types';

/** Failures only the app sees: the function could not be reached (no network, or the platform failed the call). */
const CLIENT_ERRORS = { OFFLINE: '网络不太好，请稍后再试' } as const;

export type ClientErrorCode = ErrorCode | keyof typeof CLIENT_ERRORS;

/** A function answered `{ ok: false }`, or could not be reached; `message` is Chinese and meant for the user. */
export class ApiError extends Error {
  readonly code: ClientErrorCode;

  constructor(code: ClientErrorCode, message?: string) {
    super(message || (code === 'OFFLINE' ? CLIENT_ERRORS.OFFLINE : ERRORS[code]) || ERRORS.INTERNAL);
    this.name = 'ApiError';
    this.code = code;
  }
}

/** Anything a call threw, as an ApiError: what is not one already never reached a function. */
export function asApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError('OFFLINE');
}

/** The message a page shows for anything a call threw. */
export function errorMessage(error: unknown): string {
  return asApiError(error).message;
}
