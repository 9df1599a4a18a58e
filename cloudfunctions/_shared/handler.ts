import { z } from 'zod';
import {
  ERRORS,
  type ActionName,
  type CallResult,
  type ErrorCode,
  type FunctionName,
  type RequestOf,
  type ResponseOf,
} from '../../types';
import { AppError } from './errors';
import { callerOpenId } from './sdk';

export interface Caller {
  openid: string;
}

export interface ActionSpec<F extends FunctionName, A extends ActionName<F>> {
  input: z.ZodType<RequestOf<F, A>>;
  run(input: RequestOf<F, A>, caller: Caller): Promise<ResponseOf<F, A>>;
}

/** Every action of a function, exactly as the shared contract lists them. */
export type ActionTable<F extends FunctionName> = { [A in ActionName<F>]: ActionSpec<F, A> };

const envelope = z.object({ action: z.string(), data: z.unknown().optional() });

/** The error code a schema names for an issue (`params: { code }`), when it has a more telling one than INVALID_INPUT. */
function codeOf(issue: z.core.$ZodIssue): ErrorCode | null {
  const code: unknown = issue.code === 'custom' ? issue.params?.code : undefined;
  return typeof code === 'string' && Object.prototype.hasOwnProperty.call(ERRORS, code) ? (code as ErrorCode) : null;
}

/**
 * The first message a schema wrote itself; zod's own messages never reach a user, as they are English and may quote
 * the input (an unknown key, say). Parsing with `generic` below marks every message the schema did not write.
 */
function invalidInput(error: z.ZodError): AppError {
  const named = error.issues.map(codeOf).find((code) => code !== null);
  if (named) return new AppError(named);
  const own = error.issues.find((issue) => issue.message !== ERRORS.INVALID_INPUT);
  return new AppError('INVALID_INPUT', own ? own.message : ERRORS.INVALID_INPUT);
}

const generic = { error: () => ERRORS.INVALID_INPUT };

async function dispatch<F extends FunctionName>(table: ActionTable<F>, event: unknown): Promise<unknown> {
  const parsed = envelope.safeParse(event);
  if (!parsed.success) throw new AppError('INVALID_INPUT');
  const { action, data } = parsed.data;
  if (!Object.prototype.hasOwnProperty.call(table, action)) throw new AppError('UNKNOWN_ACTION');
  const spec = table[action as ActionName<F>] as ActionSpec<F, ActionName<F>>;
  const openid = callerOpenId();
  if (!openid) throw new AppError('NOT_SIGNED_IN');
  const input = spec.input.safeParse(data ?? {}, generic);
  if (!input.success) throw invalidInput(input.error);
  return spec.run(input.data, { openid });
}

/** The function's `main`: routes `{action, data}` to its action, validates, and answers a `CallResult`. */
export function defineFunction<F extends FunctionName>(table: ActionTable<F>) {
  return async function main(event: unknown): Promise<CallResult<unknown>> {
    try {
      return { ok: true, data: await dispatch(table, event) };
    } catch (error) {
      if (error instanceof AppError) return { ok: false, code: error.code, message: error.message };
      console.error(error);
      return { ok: false, code: 'INTERNAL', message: ERRORS.INTERNAL };
    }
  };
}
