import { sha256 } from '@noble/hashes/sha256';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';
import { RECORD_INPUTS } from '../../domain/schemas/record';
import { audit } from '../_shared/audit';
import { currentTime } from '../_shared/clock';
import { docs } from '../_shared/data';
import { AppError } from '../_shared/errors';
import { defineAction } from '../_shared/handler';
import { newRecord } from '../_shared/records';
import { serviceRules } from '../_shared/rules';
import { addChecked, checkClashes, checkTimes, correctedChain } from '../_shared/service-time';
import { bodyOf, recordsForStaff } from './staff-records';
import { recordViews } from './views';

/** The one correction a record may have: its id follows from the record's, so two can never be made. */
export function correctionId(originalId: string): string {
  return `fix-${bytesToHex(sha256(utf8ToBytes(originalId))).slice(0, 20)}`;
}

/**
 * Staff correct a confirmed record of their community: a new pending record that points to it, with the corrected
 * time; its confirmation adds the difference it makes. The original is never changed. A rejected correction may be
 * made again.
 */
export const correct = defineAction<'record', 'correct'>({
  access: 'staff',
  input: RECORD_INPUTS.correct,
  async run({ recordId, startAt, endAt, note }, { openid, user, communityId }) {
    const [original] = await recordsForStaff([recordId], { openid, communityId });
    if (original.status !== 'confirmed') throw new AppError('NOT_CONFIRMED');
    const id = correctionId(recordId);
    const existing = await docs('serviceRecords').get(id);
    if (existing && existing.status !== 'rejected') throw new AppError('ALREADY_CORRECTED');
    const minutes = checkTimes(startAt, endAt, currentTime());
    const rules = await serviceRules();
    const replaced = await correctedChain(original);
    replaced.add(id);
    const correction = await addChecked(
      original.memberId,
      () => checkClashes(original.memberId, startAt, endAt, minutes, rules, replaced),
      async (transaction) => {
        const records = docs('serviceRecords', transaction);
        const again = await records.get(id);
        if (again && again.status !== 'rejected') throw new AppError('ALREADY_CORRECTED');
        const now = currentTime();
        const doc = newRecord(
          {
            _id: id,
            communityId: original.communityId,
            memberId: original.memberId,
            unitId: original.unitId,
            source: 'correction',
            postId: original.postId,
            activityId: original.activityId,
            description: note,
            startAt,
            endAt,
            minutes,
            creditMinutes: minutes - original.minutes,
            photos: [],
            recordedBy: openid,
            recordedByName: user.name,
            byStaff: true,
            correctsId: recordId,
          },
          now,
        );
        await audit(
          {
            action: 'record.correct',
            actorId: openid,
            targetId: recordId,
            detail: { correctionId: id, minutes, creditMinutes: doc.creditMinutes },
          },
          transaction,
        );
        await records.set(id, bodyOf(doc));
        return doc;
      },
    );
    const [view] = await recordViews([correction]);
    return { record: view };
  },
});
