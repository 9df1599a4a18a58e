import { randomBytes } from 'node:crypto';
import { ACTIVITY_INPUTS } from '../../domain/schemas/activity';
import { currentTime } from '../_shared/clock';
import { docs } from '../_shared/data';
import { defineAction } from '../_shared/handler';
import { serviceRules } from '../_shared/rules';
import { HOLD_MS, verifiedCode } from './codes';

/**
 * Someone scanned a code but must sign in to the app (or register) first: the code, checked exactly as a scan checks
 * it, is held for a few minutes, to be redeemed once by the first account that redeems it.
 */
export const holdCode = defineAction<'activity', 'holdCode'>({
  access: 'signedIn',
  input: ACTIVITY_INPUTS.holdCode,
  async run({ code }) {
    const now = currentTime();
    const { activity, step } = await verifiedCode(code, now, await serviceRules());
    const holdId = randomBytes(16).toString('hex');
    await docs('codeHolds').add({ _id: holdId, activityId: activity._id, step, heldAt: now });
    return { holdId, activityTitle: activity.title, expiresAt: now + HOLD_MS };
  },
});
