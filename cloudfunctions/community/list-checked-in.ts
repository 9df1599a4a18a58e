import type { CheckedInMemberRow, MemberDoc, Paged } from '../../types';
import { maskPhone } from '../../domain/privacy';
import { COMMUNITY_INPUTS } from '../../domain/schemas/community';
import { PAGE_DEFAULT } from '../../domain/schemas/paging';
import { tallyKeys } from '../../domain/tallies';
import { currentTime } from '../_shared/clock';
import { findMany, oneOf } from '../_shared/data';
import { AppError } from '../_shared/errors';
import { defineAction } from '../_shared/handler';
import { readTallies } from '../_shared/tallies';

/** Names in the order people look them up: by pinyin. */
const byName = new Intl.Collator('zh-CN');

/**
 * The members checked in at the staff member's community, by name (pinyin), with their unit, the kinds of the posts
 * they hold here and their confirmed hours this year (from the tallies); phones masked. A community's checked-in
 * members are read in one query (the SDK's 1000 at most) and paged by position.
 */
export const listCheckedIn = defineAction<'community', 'listCheckedIn'>({
  access: 'staff',
  input: COMMUNITY_INPUTS.listCheckedIn,
  async run({ cursor, limit = PAGE_DEFAULT }, { communityId }): Promise<Paged<CheckedInMemberRow>> {
    const from = cursor === undefined ? 0 : Number(cursor);
    if (!Number.isSafeInteger(from) || from < 0) throw new AppError('INVALID_INPUT');
    const members = await findMany('members', { communityId, status: 'verified' });
    members.sort((a, b) => byName.compare(a.name, b.name) || (a._id < b._id ? -1 : 1));
    const page = members.slice(from, from + limit);
    const next = from + limit < members.length ? String(from + limit) : null;
    if (page.length === 0) return { items: [], next: null };
    const now = currentTime();
    const ids = page.map((member) => member._id);
    const [units, claims, totals] = await Promise.all([
      findMany('units', { _id: oneOf([...new Set(page.map((member) => member.unitId))]) }),
      findMany('postClaims', { memberId: oneOf(ids), communityId, status: 'active' }),
      readTallies(ids.map((id) => tallyKeys.memberYear(id, now))),
    ]);
    const posts = claims.length
      ? await findMany('posts', { _id: oneOf([...new Set(claims.map((claim) => claim.postId))]) })
      : [];
    const unitNames = new Map(units.map((unit) => [unit._id, unit.name]));
    const kinds = new Map(posts.map((post) => [post._id, post.kind]));
    const row = (member: MemberDoc): CheckedInMemberRow => ({
      memberId: member._id,
      name: member.name,
      phoneMasked: maskPhone(member.phone),
      unitName: unitNames.get(member.unitId) ?? '（单位已撤销）',
      posts: [
        ...new Set(
          claims.filter((claim) => claim.memberId === member._id).flatMap((claim) => kinds.get(claim.postId) ?? []),
        ),
      ],
      minutesThisYear: totals.get(tallyKeys.memberYear(member._id, now))?.minutes ?? 0,
      checkedInAt: member.checkedInAt ?? member.updatedAt,
    });
    return { items: page.map(row), next };
  },
});
