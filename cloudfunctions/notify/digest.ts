import type { CommunityDoc } from '../../types';
import { grantOf } from '../../types/access';
import { formatDate } from '../../domain/time';
import { currentTime } from '../_shared/clock';
import { countWhere, findMany, oneOf, pagesWhere, within } from '../_shared/data';
import { escalatedCount } from '../_shared/escalation';
import { notify } from '../_shared/notify';
import { waitingAt } from '../_shared/waiting';

/** A community's items waiting for its staff. */
export interface Pending {
  /** Service records in the stamp queue. */
  records: number;
  /** Requests waiting for review (submitted). */
  toReview: number;
  /** Requests published and untaken for 48 h, or taken and not done by the wanted time. */
  escalated: number;
}

async function pendingIn(communityId: string, now: number): Promise<Pending> {
  const [records, toReview, escalated] = await Promise.all([
    countWhere('serviceRecords', waitingAt(communityId, now)),
    countWhere('orders', { communityId, status: 'submitted' }),
    escalatedCount(communityId, now),
  ]);
  return { records, toReview, escalated };
}

export function totalOf(pending: Pending): number {
  return pending.records + pending.toReview + pending.escalated;
}

/** The digest's line: only the kinds that wait, short enough for a template's thing field (20 characters). */
export function detailOf(pending: Pending): string {
  const parts: Array<[string, number]> = [
    ['待认定', pending.records],
    ['待审核', pending.toReview],
    ['超时未办', pending.escalated],
  ];
  const shown = parts.filter(([, count]) => count > 0);
  const long = shown.map(([label, count]) => `${label}${count}条`).join('，');
  return [...long].length <= 20 ? long : shown.map(([label, count]) => `${label}${count}`).join('，');
}

/** The staff members (and their communities) who hold a daily-digest grant: an indexed read, never all users. */
async function staffWithGrants(): Promise<Array<{ openid: string; communityId: string }>> {
  const staff: Array<{ openid: string; communityId: string }> = [];
  for await (const page of pagesWhere('subscriptions', { key: 'dailyDigest', count: within({ gt: 0 }) })) {
    const users = await findMany('users', { _id: oneOf(page.map((held) => held.openid)) });
    for (const user of users) {
      const grant = grantOf(user.grants, 'staff');
      if (grant) staff.push({ openid: user._id, communityId: grant.communityId });
    }
  }
  return staff;
}

/**
 * The daily digest (timer `dailyDigest`, 09:00 China time): one message to each staff member who holds a grant and
 * whose community has something waiting; none to one with nothing waiting (their grant is kept). Each community is
 * read and counted once, however many of its staff subscribed. Answers how many messages went out, and to how many
 * subscribed staff members; logs only those numbers.
 */
export async function digest(firedAt: number): Promise<{ sent: number; staff: number }> {
  // What waits is counted as of now (a run may start late); the message is dated by the run it belongs to.
  const now = currentTime();
  const staff = await staffWithGrants();
  const communityIds = [...new Set(staff.map((member) => member.communityId))];
  const communities = new Map<string, CommunityDoc>();
  const pending = new Map<string, Pending>();
  for (let i = 0; i < communityIds.length; i += 100) {
    const ids = communityIds.slice(i, i + 100);
    const [found, counted] = await Promise.all([
      findMany('communities', { _id: oneOf(ids) }),
      Promise.all(ids.map((id) => pendingIn(id, now))),
    ]);
    for (const community of found) communities.set(community._id, community);
    ids.forEach((id, index) => pending.set(id, counted[index]));
  }
  const date = formatDate(firedAt);
  let sent = 0;
  for (const member of staff) {
    const community = communities.get(member.communityId);
    const waiting = pending.get(member.communityId);
    if (!community || !waiting || totalOf(waiting) === 0) continue;
    const delivered = await notify(member.openid, 'dailyDigest', {
      community: community.name,
      pending: String(totalOf(waiting)),
      detail: detailOf(waiting),
      date,
    });
    if (delivered) sent += 1;
  }
  console.log(`daily digest: ${sent} sent, ${staff.length} staff subscribed`);
  return { sent, staff: staff.length };
}
