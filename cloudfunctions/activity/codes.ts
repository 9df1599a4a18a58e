import type { ActivityDoc, CodeHoldDoc, ServiceRules } from '../../types';
import { codeStep, macMatches, parseCode, stepStartsAt } from '../../domain/sign-in-code';
import { docs } from '../_shared/data';
import { AppError } from '../_shared/errors';

/** How long a code held for someone who had to sign in to the app first stays redeemable. */
export const HOLD_MS = 5 * 60_000;

/**
 * Whether a code of `step` may sign in at `at`: the activity still on, the step the current or the previous one (a
 * photo relayed to someone at home is useless seconds later), and not before sign-in opens.
 */
export function checkStep(activity: ActivityDoc, step: number, at: number, rules: ServiceRules): void {
  if (activity.status === 'cancelled') throw new AppError('ACTIVITY_CANCELLED');
  const current = codeStep(at, activity.codeSeconds);
  if (step > current) throw new AppError('CODE_INVALID');
  if (step < current - 1) throw new AppError('CODE_EXPIRED');
  if (stepStartsAt(step, activity.codeSeconds) < activity.startsAt - rules.signInEarlyMinutes * 60_000) {
    throw new AppError('ACTIVITY_NOT_STARTED');
  }
}

/**
 * The activity and step of a code (bare or inside its URL) that is genuine and fresh at `at`: refused CODE_INVALID
 * when it does not parse, names no activity or carries a wrong MAC (forged, altered, or another activity's).
 */
export async function verifiedCode(
  text: string,
  at: number,
  rulesNow: ServiceRules | Promise<ServiceRules>,
): Promise<{ activity: ActivityDoc; step: number }> {
  const code = parseCode(text);
  if (!code) throw new AppError('CODE_INVALID');
  const [activity, key, rules] = await Promise.all([
    docs('activities').get(code.activityId),
    docs('activitySecrets').get(code.activityId),
    rulesNow,
  ]);
  if (!activity || !key || !macMatches(code, key.secret)) throw new AppError('CODE_INVALID');
  checkStep(activity, code.step, at, rules);
  return { activity, step: code.step };
}

/** A hold `openid` may redeem now: not expired, and not redeemed by anyone else. */
export function checkHold(hold: CodeHoldDoc | null, openid: string, now: number): CodeHoldDoc {
  if (!hold) throw new AppError('HOLD_EXPIRED');
  if (hold.redeemedBy !== undefined && hold.redeemedBy !== openid) throw new AppError('HOLD_EXPIRED');
  if (now > hold.heldAt + HOLD_MS) throw new AppError('HOLD_EXPIRED');
  return hold;
}
