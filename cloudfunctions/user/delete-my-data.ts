import { randomBytes } from 'node:crypto';
import type { MemberDoc, UserDoc } from '../../types';
import { USER_INPUTS } from '../../domain/schemas/user';
import { audit } from '../_shared/audit';
import { type Transaction, docs, idsWhere } from '../_shared/data';
import { AppError } from '../_shared/errors';
import { defineAction } from '../_shared/handler';
import { inTransaction } from '../_shared/transaction';
import { currentTime } from '../_shared/clock';

/** Staff and admins act under their name, which the record of what they did needs: their role must be withdrawn first. */
function refuseOfficeHolder(user: UserDoc | null): void {
  if (user && user.grants.length > 0) {
    throw new AppError(
      'FORBIDDEN',
      '您现在担任社区或单位的职务，姓名要留作工作记录；请先请县委组织部撤销您的职务，再删除个人信息',
    );
  }
}

function requireMember(member: MemberDoc | null): MemberDoc {
  if (!member) throw new AppError('NOT_REGISTERED', '系统里没有您的在职党员登记信息，无需删除');
  return member;
}

/** What stays of the member: no name, phone, skills or pledge, only what counts and history need. */
function anonymous(member: MemberDoc, anonId: string, now: number): MemberDoc {
  return {
    _id: anonId,
    name: '',
    phone: '',
    skills: [],
    willingness: [],
    pledge: '',
    pledgePublic: false,
    status: 'deleted',
    unitId: member.unitId,
    registeredAt: member.registeredAt,
    unitJoinedAt: member.unitJoinedAt,
    ...(member.serviceCardNo !== undefined && { serviceCardNo: member.serviceCardNo }),
    ...(member.communityId !== undefined && { communityId: member.communityId }),
    ...(member.checkInId !== undefined && { checkInId: member.checkInId }),
    ...(member.checkedInAt !== undefined && { checkedInAt: member.checkedInAt }),
    deletedAt: now,
    updatedAt: now,
  };
}

/** The ids were read before the transaction (which cannot query); a check-in made since then means reading again. */
class StaleIds extends Error {}

interface Owned {
  checkInIds: string[];
  cardIds: string[];
}

async function anonymise(openid: string, owned: Owned, transaction: Transaction): Promise<number> {
  const users = docs('users', transaction);
  const members = docs('members', transaction);
  const [user, found] = await Promise.all([users.get(openid), members.get(openid)]);
  refuseOfficeHolder(user);
  const member = requireMember(found);
  if (member.checkInId && !owned.checkInIds.includes(member.checkInId)) throw new StaleIds();
  if (member.serviceCardNo && !owned.cardIds.includes(member.serviceCardNo)) throw new StaleIds();
  const now = currentTime();
  const anonId = `anon-${randomBytes(12).toString('hex')}`;
  const checkIns = docs('checkIns', transaction);
  for (const id of owned.checkInIds) {
    const ended = id === member.checkInId ? ({ status: 'ended', endedAt: now } as const) : {};
    await checkIns.update(id, { memberId: anonId, ...ended });
  }
  const cards = docs('serviceCards', transaction);
  for (const id of owned.cardIds) await cards.update(id, { memberId: anonId });
  await members.remove(openid);
  await members.add(anonymous(member, anonId, now));
  if (user) await users.remove(openid);
  await audit(
    { action: 'member.deleteData', actorId: anonId, targetId: anonId, detail: { unitId: member.unitId } },
    transaction,
  );
  return now;
}

const ATTEMPTS = 3;

/**
 * The member deletes their personal information: the registration moves to an anonymous id without name, phone,
 * skills or pledge, the check-in ends, and check-ins and 活动证 follow the anonymous id, so counts and history stay
 * true while nothing links them to the person any more. Logged; the unit admin sees the row as deleted.
 */
export const deleteMyData = defineAction<'user', 'deleteMyData'>({
  access: 'signedIn',
  input: USER_INPUTS.deleteMyData,
  async run(_input, { openid }) {
    const [user, member] = await Promise.all([docs('users').get(openid), docs('members').get(openid)]);
    refuseOfficeHolder(user);
    requireMember(member);
    for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
      const owned = {
        checkInIds: await idsWhere('checkIns', { memberId: openid }),
        cardIds: await idsWhere('serviceCards', { memberId: openid }),
      };
      try {
        return { deletedAt: await inTransaction((transaction) => anonymise(openid, owned, transaction)) };
      } catch (error) {
        if (!(error instanceof StaleIds)) throw error;
      }
    }
    throw new AppError('BUSY');
  },
});
