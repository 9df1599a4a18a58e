import type { AuditLogDoc, MyAuditEntry, MyData, ServiceCardDoc, UserDoc } from '../../types';
import type { ActionSpec } from '../_shared/handler';
import { checkInHistory } from '../_shared/check-in-history';
import { findById, findMany } from '../_shared/collections';
import { memberProfile } from '../_shared/member-profile';
import { noInput } from '../_shared/schemas';
import { _ } from '../_shared/sdk';
import { communitiesById } from '../_shared/views';

/** Who did each logged thing to the person: themselves (`self`) or the name of the staff or admin who did it. */
async function auditEntries(openid: string, entries: AuditLogDoc[]): Promise<MyAuditEntry[]> {
  const actorIds = [...new Set(entries.map((entry) => entry.actorId).filter((id) => id !== openid))];
  const actors = actorIds.length > 0 ? await findMany('users', { _id: _.in(actorIds) }) : [];
  const names = new Map(actors.map((actor: UserDoc) => [actor._id, actor.name]));
  return entries.map((entry) => ({
    action: entry.action,
    at: entry.at,
    byName: entry.actorId === openid ? 'self' : (names.get(entry.actorId) ?? '管理员'),
  }));
}

async function serviceCardView(card: ServiceCardDoc | undefined): Promise<MyData['serviceCard']> {
  if (!card) return null;
  const communities = await communitiesById([card.communityId]);
  const community = communities.get(card.communityId) ?? { id: card.communityId, name: '已撤销的社区', street: '' };
  return { no: card._id, issuedAt: card.issuedAt, community };
}

/** Everything the system keeps about the caller, as 「我的信息」 shows it (their own data, in full). */
export const getMyData: ActionSpec<'user', 'getMyData'> = {
  input: noInput,
  async run(_input, { openid }) {
    const [user, member, checkIns, cards, logged] = await Promise.all([
      findById('users', openid),
      findById('members', openid),
      // All of it (the SDK reads at most 1000 at once; one transfer a day keeps a lifetime under that).
      checkInHistory(openid, 1000),
      findMany('serviceCards', { memberId: openid }, { limit: 1 }),
      findMany('auditLogs', { targetId: openid }, { orderBy: ['at', 'desc'] }),
    ]);
    return {
      user: user ? { name: user.name, roles: user.roles, createdAt: user.createdAt } : null,
      member: member
        ? { ...(await memberProfile(member)), unitJoinedAt: member.unitJoinedAt, updatedAt: member.updatedAt }
        : null,
      checkIns,
      serviceCard: await serviceCardView(cards[0]),
      audit: await auditEntries(openid, logged),
    };
  },
};
