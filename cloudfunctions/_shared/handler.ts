import * as v from 'valibot';
import {
  ERRORS,
  type Access,
  type ActionName,
  type CallResult,
  type FunctionName,
  type RequestOf,
  type ResponseOf,
} from '../../types';
import { inputRefusal, parseInput } from '../../domain/schemas/parse';
import { type AccessContext, contextFor } from './access';
import { AppError } from './errors';
import { currentTime } from './clock';
import { callerOpenId } from './sdk';

/** An action that declares `access`: dispatch refuses every other caller, and `run` gets the context that access gives. */
export interface AccessibleAction<F extends FunctionName, A extends ActionName<F>, X extends Access> {
  access: X;
  /** The request's schema (domain/schemas/<function>.ts), checked before any database read. */
  input: v.GenericSchema<unknown, RequestOf<F, A>>;
  run(input: RequestOf<F, A>, context: AccessContext[X]): Promise<ResponseOf<F, A>>;
}

/** An action with any one declared access: without `access`, an object literal fits none of them. */
export type ActionSpec<F extends FunctionName, A extends ActionName<F>> = {
  [X in Access]: AccessibleAction<F, A, X>;
}[Access];

/** Declares an action; the context `run` receives follows the `access` written in it. */
export function defineAction<F extends FunctionName, A extends ActionName<F>>(
  spec: ActionSpec<F, A>,
): ActionSpec<F, A> {
  return spec;
}

/** Every action of a function, exactly as the shared contract lists them. */
export type ActionTable<F extends FunctionName> = { [A in ActionName<F>]: ActionSpec<F, A> };

const envelope = v.object({ action: v.string(), data: v.optional(v.unknown()) });

/** Envelope, action, caller, request, access, then the action: the request is checked before any database read. */
async function dispatch<F extends FunctionName>(table: ActionTable<F>, event: unknown): Promise<unknown> {
  const parsed = v.safeParse(envelope, event);
  if (!parsed.success) throw new AppError('INVALID_INPUT');
  const { action, data } = parsed.output;
  if (!Object.prototype.hasOwnProperty.call(table, action)) throw new AppError('UNKNOWN_ACTION');
  const spec = table[action as ActionName<F>] as AccessibleAction<F, ActionName<F>, Access>;
  const openid = callerOpenId();
  if (!openid) throw new AppError('NOT_SIGNED_IN');
  const input = parseInput(spec.input, data ?? {});
  if (!input.success) {
    const { code, message } = inputRefusal(input.issues);
    throw new AppError(code, message);
  }
  return spec.run(input.data, await contextFor(spec.access, openid));
}

/** Work a function's timed trigger runs (config.json `triggers`), by the trigger's name. */
export type Timers = Record<string, (firedAt: number) => Promise<unknown>>;

/** The event WeChat hands a function when its timer fires: `{Type: 'Timer', TriggerName, Time}`. */
const timerEvent = v.object({ Type: v.literal('Timer'), TriggerName: v.string(), Time: v.optional(v.string()) });

/**
 * A timer's run, or null when the event is not one. Only the platform fires timers, and then no one is the caller:
 * an event that looks like a timer's but comes with an OPENID (a person's call) is not one.
 */
function timerRun(timers: Timers, event: unknown): (() => Promise<unknown>) | null {
  const parsed = v.safeParse(timerEvent, event);
  if (!parsed.success || callerOpenId()) return null;
  const name = parsed.output.TriggerName;
  if (!Object.prototype.hasOwnProperty.call(timers, name)) return null;
  const at = parsed.output.Time ? Date.parse(parsed.output.Time) : Number.NaN;
  return () => timers[name](Number.isNaN(at) ? currentTime() : at);
}

/**
 * The function's `main`: routes `{action, data}` to its action, checks it, and answers a `CallResult`; a timer's
 * event runs the timer of that name.
 */
export function defineFunction<F extends FunctionName>(table: ActionTable<F>, timers: Timers = {}) {
  return async function main(event: unknown): Promise<CallResult<unknown>> {
    try {
      const timer = timerRun(timers, event);
      if (timer) return { ok: true, data: await timer() };
      return { ok: true, data: await dispatch(table, event) };
    } catch (error) {
      if (error instanceof AppError) return { ok: false, code: error.code, message: error.message };
      console.error(error);
      return { ok: false, code: 'INTERNAL', message: ERRORS.INTERNAL };
    }
  };
}
