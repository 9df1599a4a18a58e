import { randomBytes, randomInt } from 'node:crypto';
import type { CheckInResult, CommunitySummary, MemberDoc } from '../../types';
import { CHECKIN_INPUTS } from '../../domain/schemas/checkin';
import { SERVICE_CARD_COUNTERS, formatServiceCardNo, serviceCardCounterId } from '../../domain/service-card';
import { chinaTime, sameChinaDay } from '../../domain/time';
import { requireVerified } from '../_shared/access';
import { type Transaction, docs } from '../_shared/data';
import { AppError } from '../_shared/errors';
import { defineAction } from '../_shared/handler';
import { inTransaction } from '../_shared/transaction';
import { communitySummary } from '../_shared/views';
import { currentTime } from '../_shared/clock';

function alreadyHere(member: MemberDoc, community: CommunitySummary): CheckInResult | null {
  if (member.communityId !== community.id || member.checkedInAt === undefined) return null;
  return {
    outcome: 'alreadyCheckedIn',
    community,
    checkedInAt: member.checkedInAt,
    serviceCardNo: member.serviceCardNo ?? '',
    previousCommunity: null,
  };
}

/**
 * Issues the next 活动证 number from one of the year's counters (picked at random, so simultaneous first check-ins
 * rarely meet on the same document). Its counter write is left for last (`commit`): it is the shared hot spot.
 */
async function issueServiceCard(transaction: Transaction, member: MemberDoc, communityId: string, now: number) {
  const year = chinaTime(now).year();
  const counter = randomInt(1, SERVICE_CARD_COUNTERS + 1);
  const counterId = serviceCardCounterId(year, counter);
  const counters = docs('counters', transaction);
  const sequence = ((await counters.get(counterId))?.value ?? 0) + 1;
  const cardNo = formatServiceCardNo(year, counter, sequence);
  await docs('serviceCards', transaction).add({ _id: cardNo, memberId: member._id, communityId, issuedAt: now });
  const commit = () => counters.set(counterId, { value: sequence });
  return { cardNo, commit };
}

/**
 * A member checks in at the community where they live: once; moving is a transfer that keeps the history, at most one
 * a day (China time), decided inside the transaction so that simultaneous transfers make exactly one.
 */
export const checkIn = defineAction<'checkin', 'checkIn'>({
  access: 'member',
  input: CHECKIN_INPUTS.checkIn,
  async run({ communityId, transfer }, { openid, member: current }) {
    const community = await docs('communities').get(communityId);
    if (!community) throw new AppError('COMMUNITY_NOT_FOUND');
    const summary = communitySummary(community);
    // A repeated scan is answered from a plain read; anything that writes is decided again inside the transaction.
    const repeated = alreadyHere(current, summary);
    if (repeated) return repeated;
    return inTransaction(async (transaction): Promise<CheckInResult> => {
      const members = docs('members', transaction);
      const checkIns = docs('checkIns', transaction);
      const member = requireVerified(await members.get(openid));
      const again = alreadyHere(member, summary);
      if (again) return again;
      if (member.communityId && !transfer) throw new AppError('CHECKED_IN_ELSEWHERE');
      const now = currentTime();
      const transferring = Boolean(member.communityId);
      if (transferring && member.lastTransferAt !== undefined && sameChinaDay(member.lastTransferAt, now)) {
        throw new AppError('TRANSFER_TOO_SOON');
      }
      const previous = member.communityId ? await docs('communities', transaction).get(member.communityId) : null;
      if (member.checkInId) {
        await checkIns.update(member.checkInId, { status: 'transferred', endedAt: now, transferredTo: communityId });
      }
      const checkInId = randomBytes(12).toString('hex');
      await checkIns.add({
        _id: checkInId,
        memberId: openid,
        unitId: member.unitId,
        communityId,
        status: 'active',
        checkedInAt: now,
      });
      const card = member.serviceCardNo ? null : await issueServiceCard(transaction, member, communityId, now);
      const serviceCardNo = member.serviceCardNo ?? card?.cardNo ?? '';
      await members.update(openid, {
        communityId,
        checkInId,
        checkedInAt: now,
        serviceCardNo,
        updatedAt: now,
        ...(transferring ? { lastTransferAt: now } : {}),
      });
      await card?.commit();
      return {
        outcome: transferring ? 'transferred' : 'checkedIn',
        community: summary,
        checkedInAt: now,
        serviceCardNo,
        previousCommunity: previous ? communitySummary(previous) : null,
      };
    });
  },
});
