import { randomBytes } from 'node:crypto';
import { RECORD_INPUTS } from '../../domain/schemas/record';
import { currentTime } from '../_shared/clock';
import { docs } from '../_shared/data';
import { AppError } from '../_shared/errors';
import { defineAction } from '../_shared/handler';
import { newRecord } from '../_shared/records';
import { serviceRules } from '../_shared/rules';
import { checkPhotos } from './photos';
import { addChecked, checkClashes, checkTimes } from '../_shared/service-time';
import { recordViews } from './views';

/**
 * A member checked in at a community reports self-organised service on a post they hold there, with 1–9 photos of
 * their own: a pending record that waits for the community's staff.
 */
export const report = defineAction<'record', 'report'>({
  access: 'member',
  input: RECORD_INPUTS.report,
  async run({ postId, startAt, endAt, description, photos }, { openid, member }) {
    const communityId = member.communityId;
    if (!communityId || member.checkedInAt === undefined) throw new AppError('NOT_CHECKED_IN_HERE');
    const claim = await docs('postClaims').get(`${postId}_${openid}`);
    if (!claim || claim.status !== 'active' || claim.communityId !== communityId) throw new AppError('NOT_CLAIMED');
    const minutes = checkTimes(startAt, endAt, currentTime());
    const rules = await serviceRules();
    await checkPhotos(photos);
    const record = await addChecked(
      openid,
      () => checkClashes(openid, startAt, endAt, minutes, rules),
      async (transaction) => {
        const now = currentTime();
        const doc = newRecord(
          {
            _id: randomBytes(12).toString('hex'),
            communityId,
            memberId: openid,
            unitId: member.unitId,
            source: 'selfReported',
            postId,
            description,
            startAt,
            endAt,
            minutes,
            photos,
            recordedBy: openid,
            recordedByName: member.name,
            byStaff: false,
          },
          now,
        );
        await docs('serviceRecords', transaction).add(doc);
        return doc;
      },
    );
    const [view] = await recordViews([record]);
    return { record: view };
  },
});
