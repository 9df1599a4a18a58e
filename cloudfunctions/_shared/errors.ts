import { ERRORS, type ErrorCode } from '../../types';

/** A refusal the caller should see: a code from the shared contract and its Chinese message. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string = ERRORS[code],
  ) {
    super(message);
  }
}
