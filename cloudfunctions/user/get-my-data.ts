import type { AuditLogDoc, MyAuditEntry, MyData, ServiceCardDoc } from '../../types';
import { USER_INPUTS } from '../../domain/schemas/user';
import { checkInHistory } from '../checkin/history';
import { rolesOf } from '../_shared/access';
import { docs, findMany, oneOf } from '../_shared/data';
import { defineAction } from '../_shared/handler';
import { communitiesById } from '../_shared/lookups';
import { removedCommunity } from '../_shared/views';
import { memberProfile } from './member-profile';

/** Who did each logged thing to the person: themselves (`self`) or the name of the staff or admin who did it. */
async function auditEntries(openid: string, entries: AuditLogDoc[]): Promise<MyAuditEntry[]> {
  const actorIds = [...new Set(entries.map((entry) => entry.actorId).filter((id) => id !== openid))];
  const actors = actorIds.length > 0 ? await findMany('users', { _id: oneOf(actorIds) }) : [];
  const names = new Map(actors.map((actor) => [actor._id, actor.name]));
  return entries.map((entry) => ({
    action: entry.action,
    at: entry.at,
    byName: entry.actorId === openid ? 'self' : (names.get(entry.actorId) ?? '管理员'),
  }));
}

async function serviceCardView(card: ServiceCardDoc | undefined): Promise<MyData['serviceCard']> {
  if (!card) return null;
  const communities = await communitiesById([card.communityId]);
  const community = communities.get(card.communityId) ?? removedCommunity(card.communityId);
  return { no: card._id, issuedAt: card.issuedAt, community };
}

/** Everything the system keeps about the caller, as 「我的信息」 shows it (their own data, in full). */
export const getMyData = defineAction<'user', 'getMyData'>({
  access: 'signedIn',
  input: USER_INPUTS.getMyData,
  async run(_input, { openid }) {
    const [user, member, checkIns, cards, logged] = await Promise.all([
      docs('users').get(openid),
      docs('members').get(openid),
      // All of it (the SDK reads at most 1000 at once; one transfer a day keeps a lifetime under that).
      checkInHistory(openid, 1000),
      findMany('serviceCards', { memberId: openid }, { limit: 1 }),
      findMany('auditLogs', { targetId: openid }, { orderBy: ['at', 'desc'] }),
    ]);
    return {
      // The roles the user record gives: resident and what was granted.
      user: user ? { name: user.name, roles: rolesOf(user, null), createdAt: user.createdAt } : null,
      member: member
        ? { ...(await memberProfile(member)), unitJoinedAt: member.unitJoinedAt, updatedAt: member.updatedAt }
        : null,
      checkIns,
      serviceCard: await serviceCardView(cards[0]),
      audit: await auditEntries(openid, logged),
    };
  },
});
