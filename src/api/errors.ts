import { ERRORS, type ErrorCode } from '../../types';

/** A function answered `{ ok: false }` (or could not be reached); `message` is Chinese and meant for the user. */
export class ApiError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message?: string) {
    super(message || ERRORS[code] || ERRORS.INTERNAL);
    this.name = 'ApiError';
    this.code = code;
  }
}

/** The message a page shows for anything a call threw. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return '网络不太好，请稍后再试';
}
