import type { ConfirmOutcome, ServiceRecordDoc } from '../../types';
import { signOutMissed } from '../../domain/attendance';
import { RECORD_INPUTS } from '../../domain/schemas/record';
import { audit } from '../_shared/audit';
import { currentTime } from '../_shared/clock';
import { docs } from '../_shared/data';
import { AppError } from '../_shared/errors';
import { defineAction } from '../_shared/handler';
import { chainToLedger } from '../_shared/ledger';
import { creditOf } from '../../domain/tallies';
import { addToTallies } from '../_shared/tallies';
import { inTransaction } from '../_shared/transaction';
import { tellMembers } from './decided-message';
import { bodyOf, isDecided, recordsForStaff, requireRated } from './staff-records';
import { activitiesById, closedAtEnd } from './views';

/**
 * Staff stamp one record or a batch of up to 50 of their community's, never their own. Everything is decided again
 * inside one transaction, so each record is stamped exactly once however many staff press at once: a record already
 * decided is answered as such, an attendance whose activity is still on waits, one past its end is closed at the end.
 * The stamped records are chained onto the community's ledger and added to the totals in the same transaction.
 */
export const confirm = defineAction<'record', 'confirm'>({
  access: 'staff',
  input: RECORD_INPUTS.confirm,
  async run({ recordIds }, { openid, user, communityId }) {
    const ids = [...new Set(recordIds)];
    const before = await recordsForStaff(ids, { openid, communityId });
    if (before.every(isDecided)) throw new AppError('ALREADY_STAMPED');
    before.forEach(requireRated);
    // An activity's window does not change once people sign in to it: read outside the transaction.
    const activities = await activitiesById(before.map((record) => record.activityId));
    const decided = await inTransaction(async (transaction) => {
      const records = docs('serviceRecords', transaction);
      const now = currentTime();
      const results: Array<{ recordId: string; outcome: ConfirmOutcome }> = [];
      const stamped: ServiceRecordDoc[] = [];
      for (const id of ids) {
        const current = await records.get(id);
        if (!current || isDecided(current)) {
          results.push({ recordId: id, outcome: 'alreadyDecided' });
          continue;
        }
        requireRated(current);
        let ready = current;
        if (current.status === 'signedIn') {
          const activity = current.activityId ? activities.get(current.activityId) : undefined;
          if (!activity || !signOutMissed(activity.endsAt, now)) {
            results.push({ recordId: id, outcome: 'stillSignedIn' });
            continue;
          }
          ready = closedAtEnd(current, activity, now);
        }
        stamped.push({
          ...ready,
          status: 'confirmed',
          decidedBy: openid,
          decidedByName: user.name,
          decidedAt: now,
          updatedAt: now,
        });
        results.push({ recordId: id, outcome: 'confirmed' });
      }
      for (const record of stamped) {
        await audit(
          {
            action: 'record.confirm',
            actorId: openid,
            targetId: record._id,
            detail: { communityId, memberId: record.memberId, minutes: record.creditMinutes },
          },
          transaction,
        );
      }
      // The ledger's head and the totals are what every confirmation of the community writes: last.
      const chained = await chainToLedger(transaction, communityId, stamped, now);
      for (const record of chained) await records.set(record._id, bodyOf(record));
      await addToTallies(transaction, chained.map(creditOf));
      return { results, chained };
    });
    // After the commit: one message per member who subscribed (a retried transaction sends nothing twice).
    await tellMembers(decided.chained, { result: 'confirmed' });
    return { results: decided.results, confirmed: decided.chained.length };
  },
});
