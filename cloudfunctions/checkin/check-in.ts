import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { CheckInResult, MemberDoc } from '../../types';
import type { ActionSpec } from '../_shared/handler';
import { requireVerified } from '../_shared/auth';
import { findById } from '../_shared/collections';
import { AppError } from '../_shared/errors';
import { documentId } from '../_shared/schemas';
import type { Transaction } from '../_shared/sdk';
import { formatServiceCardNo, serviceCardCounterId } from '../_shared/service-card';
import { chinaTime } from '../_shared/time';
import { inTransaction } from '../_shared/transaction';
import { communitySummary } from '../_shared/views';

const input = z.strictObject({
  communityId: documentId('找不到这个社区，请确认扫描的是社区的报到码'),
  transfer: z.boolean().optional(),
});

/** Issues the next 活动证 number of the (China-time) year. The counter is written last: it is the shared hot spot. */
async function issueServiceCard(
  transaction: Transaction,
  member: MemberDoc,
  communityId: string,
  now: number,
): Promise<{ cardNo: string; commit: () => Promise<unknown> }> {
  const year = chinaTime(now).year();
  const counterId = serviceCardCounterId(year);
  const counter = await findById('counters', counterId, transaction);
  const sequence = (counter?.value ?? 0) + 1;
  const cardNo = formatServiceCardNo(year, sequence);
  await transaction
    .collection('serviceCards')
    .add({ data: { _id: cardNo, memberId: member._id, communityId, issuedAt: now } });
  return {
    cardNo,
    commit: () =>
      transaction
        .collection('counters')
        .doc(counterId)
        .set({ data: { value: sequence } }),
  };
}

/** A member checks in at the community where they live: once; moving is a transfer that keeps the history. */
export const checkIn: ActionSpec<'checkin', 'checkIn'> = {
  input,
  async run({ communityId, transfer }, { openid }) {
    const community = await findById('communities', communityId);
    if (!community) throw new AppError('COMMUNITY_NOT_FOUND');
    const summary = communitySummary(community);
    return inTransaction(async (transaction): Promise<CheckInResult> => {
      const member = requireVerified(await findById('members', openid, transaction));
      if (member.communityId === communityId && member.checkedInAt !== undefined) {
        const serviceCardNo = member.serviceCardNo ?? '';
        return {
          outcome: 'alreadyCheckedIn',
          community: summary,
          checkedInAt: member.checkedInAt,
          serviceCardNo,
          previousCommunity: null,
        };
      }
      if (member.communityId && !transfer) throw new AppError('CHECKED_IN_ELSEWHERE');
      const now = Date.now();
      const previous = member.communityId ? await findById('communities', member.communityId, transaction) : null;
      if (member.checkInId) {
        await transaction
          .collection('checkIns')
          .doc(member.checkInId)
          .update({ data: { status: 'transferred', endedAt: now, transferredTo: communityId } });
      }
      const checkInId = randomBytes(12).toString('hex');
      await transaction.collection('checkIns').add({
        data: {
          _id: checkInId,
          memberId: openid,
          unitId: member.unitId,
          communityId,
          status: 'active',
          checkedInAt: now,
        },
      });
      const card = member.serviceCardNo ? null : await issueServiceCard(transaction, member, communityId, now);
      const serviceCardNo = member.serviceCardNo ?? card?.cardNo ?? '';
      await transaction
        .collection('members')
        .doc(openid)
        .update({ data: { communityId, checkInId, checkedInAt: now, serviceCardNo, updatedAt: now } });
      await card?.commit();
      return {
        outcome: member.communityId ? 'transferred' : 'checkedIn',
        community: summary,
        checkedInAt: now,
        serviceCardNo,
        previousCommunity: previous ? communitySummary(previous) : null,
      };
    });
  },
};
