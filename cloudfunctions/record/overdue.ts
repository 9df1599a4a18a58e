import { RECORD_INPUTS } from '../../domain/schemas/record';
import { currentTime } from '../_shared/clock';
import { findMany, oneOf } from '../_shared/data';
import { waitingAt } from '../_shared/waiting';
import { defineAction } from '../_shared/handler';
import { communitiesById } from '../_shared/lookups';
import { serviceRules } from '../_shared/rules';
import { removedCommunity } from '../_shared/views';
import { pageOf, pageWindow, readCount } from './paging';
import { hoursSince } from './views';

/**
 * The county admin's list of records waiting longer than the county's limit (96 h by default) — pending ones and
 * forgotten sign-outs — longest waiting first.
 */
export const overdue = defineAction<'record', 'overdue'>({
  access: 'countyAdmin',
  input: RECORD_INPUTS.overdue,
  async run(page) {
    const now = currentTime();
    const rules = await serviceRules();
    const window = pageWindow(page);
    const found = await findMany('serviceRecords', waitingAt(null, now - rules.countyAfterHours * 3_600_000), {
      orderBy: ['pendingSince', 'asc'],
      limit: readCount(window),
    });
    const paged = pageOf(found, window);
    const memberIds = [...new Set(paged.items.map((record) => record.memberId))];
    const [communities, members] = await Promise.all([
      communitiesById(paged.items.map((record) => record.communityId)),
      memberIds.length > 0 ? findMany('members', { _id: oneOf(memberIds) }) : Promise.resolve([]),
    ]);
    const names = new Map(
      members.map((member) => [member._id, member.status === 'deleted' ? '（已注销）' : member.name]),
    );
    return {
      items: paged.items.map((record) => ({
        recordId: record._id,
        community: communities.get(record.communityId) ?? removedCommunity(record.communityId),
        memberName: names.get(record.memberId) ?? '（已注销）',
        description: record.description,
        minutes: record.minutes,
        waitingHours: hoursSince(record.pendingSince, now),
      })),
      next: paged.next,
    };
  },
});
