import * as z from 'zod/mini';
import { ERRORS, type ErrorCode } from '../../types/errors';

/**
 * Parses with every message the schema did not write itself replaced by ERRORS.INVALID_INPUT: zod's own messages are
 * English and may quote the input (an unknown key, say), so they never reach a person.
 */
export function parseInput<T>(schema: z.core.$ZodType<T>, data: unknown): z.core.util.SafeParseResult<T> {
  return z.safeParse(schema, data, { error: () => ERRORS.INVALID_INPUT });
}

/** The error code a schema names for an issue (`params: { code }`), when it has a more telling one than INVALID_INPUT. */
function codeOf(issue: z.core.$ZodIssue): ErrorCode | null {
  const code: unknown = issue.code === 'custom' ? issue.params?.code : undefined;
  return typeof code === 'string' && Object.prototype.hasOwnProperty.call(ERRORS, code) ? (code as ErrorCode) : null;
}

/** What a refused request is answered with: the first code a schema names, else INVALID_INPUT with the first message the schema wrote. */
export function inputRefusal(error: z.core.$ZodError): { code: ErrorCode; message: string } {
  const named = error.issues.map(codeOf).find((code) => code !== null);
  if (named) return { code: named, message: ERRORS[named] };
  const own = error.issues.find((issue) => issue.message !== ERRORS.INVALID_INPUT);
  return { code: 'INVALID_INPUT', message: own ? own.message : ERRORS.INVALID_INPUT };
}

/** The first message for each field (the top-level key an issue is about), for a form to show beside the field. */
export function fieldErrors<T>(result: z.core.util.SafeParseResult<T>): Partial<Record<keyof T & string, string>> {
  const errors: Partial<Record<string, string>> = {};
  for (const issue of result.error?.issues ?? []) {
    const field = issue.path[0];
    if (typeof field === 'string' && errors[field] === undefined) errors[field] = issue.message;
  }
  return errors as Partial<Record<keyof T & string, string>>;
}
