import * as v from 'valibot';
import { ERRORS, type ErrorCode } from '../../types/errors';

/** The first message for each field in error (the top-level key an issue is about), for a form to show beside it. */
export type FieldErrors<T> = Partial<Record<keyof T & string, string>>;

/** A request as the schema tidied it, or every issue found in it with the first one for each field. */
export type Parsed<T> =
  | { success: true; data: T }
  | { success: false; data?: undefined; issues: v.BaseIssue<unknown>[]; fieldErrors: FieldErrors<T> };

/**
 * Parses with every message the schema did not write itself set to ERRORS.INVALID_INPUT: valibot's own messages are
 * English and quote the input, so they never reach a person.
 */
export function parseInput<T>(schema: v.GenericSchema<unknown, T>, data: unknown): Parsed<T> {
  const result = v.safeParse(schema, data, { message: ERRORS.INVALID_INPUT });
  if (result.success) return { success: true, data: result.output };
  return { success: false, issues: result.issues, fieldErrors: firstPerField<T>(result.issues) };
}

function firstPerField<T>(issues: readonly v.BaseIssue<unknown>[]): FieldErrors<T> {
  const errors: Partial<Record<string, string>> = {};
  for (const issue of issues) {
    const field = issue.path?.[0];
    if (field?.origin === 'value' && typeof field.key === 'string' && errors[field.key] === undefined) {
      errors[field.key] = issue.message;
    }
  }
  return errors as FieldErrors<T>;
}

/** The codes a schema answers with instead of INVALID_INPUT: an issue says one by having its ERRORS text as message. */
const SCHEMA_CODES = ['CONFIRMATION_NEEDED'] as const satisfies readonly ErrorCode[];

type SchemaCode = (typeof SCHEMA_CODES)[number];

/** The message by which a schema answers `code` rather than INVALID_INPUT. */
export function refusedWith(code: SchemaCode): string {
  return ERRORS[code];
}

function codeOf(issue: v.BaseIssue<unknown>): SchemaCode | undefined {
  return SCHEMA_CODES.find((code) => issue.message === ERRORS[code]);
}

/** What a refused request is answered with: the first code a schema names, else INVALID_INPUT with the first message the schema wrote. */
export function inputRefusal(issues: readonly v.BaseIssue<unknown>[]): { code: ErrorCode; message: string } {
  const named = issues.map(codeOf).find((code) => code !== undefined);
  if (named) return { code: named, message: ERRORS[named] };
  const own = issues.find((issue) => issue.message !== ERRORS.INVALID_INPUT);
  return { code: 'INVALID_INPUT', message: own ? own.message : ERRORS.INVALID_INPUT };
}

/** The first message for each field in error; none when the request was accepted. */
export function fieldErrors<T>(result: Parsed<T>): FieldErrors<T> {
  return result.success ? {} : result.fieldErrors;
}
