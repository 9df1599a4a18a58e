import type { Claimant, PostClaimDoc, PostDoc, PostView } from '../../types';
import { findMany, oneOf } from '../_shared/data';
import { removedUnit } from '../_shared/views';

/** Claims still held (a member who left keeps a `left` document, not shown). */
export interface PostClaimants {
  claimants: Map<string, Claimant[]>;
  /** Posts the caller holds an active claim on. */
  mine: Set<string>;
}

/** Open and not yet past its last day: what members may still claim. */
export function isOpen(post: PostDoc, now: number): boolean {
  return post.status === 'open' && post.until >= now;
}

/** The active claims of these posts with each claimant's name and unit (never the phone), in one query each. */
export async function claimantsOf(posts: PostDoc[], callerId: string): Promise<PostClaimants> {
  const claimants = new Map<string, Claimant[]>();
  const mine = new Set<string>();
  if (posts.length === 0) return { claimants, mine };
  const claims: PostClaimDoc[] = await findMany(
    'postClaims',
    { postId: oneOf(posts.map((post) => post._id)), status: 'active' },
    { orderBy: ['claimedAt', 'asc'] },
  );
  if (claims.length === 0) return { claimants, mine };
  const members = await findMany('members', { _id: oneOf([...new Set(claims.map((claim) => claim.memberId))]) });
  const byId = new Map(members.map((member) => [member._id, member]));
  const unitIds = [...new Set(members.map((member) => member.unitId))];
  const units = unitIds.length > 0 ? await findMany('units', { _id: oneOf(unitIds) }) : [];
  const unitNames = new Map(units.map((unit) => [unit._id, unit.name]));
  for (const claim of claims) {
    if (claim.memberId === callerId) mine.add(claim.postId);
    const member = byId.get(claim.memberId);
    // A member who deleted their personal information is no longer named anywhere.
    if (!member || member.status === 'deleted') continue;
    const list = claimants.get(claim.postId) ?? [];
    list.push({ name: member.name, unitName: unitNames.get(member.unitId) ?? removedUnit(member.unitId).name });
    claimants.set(claim.postId, list);
  }
  return { claimants, mine };
}

/** A post as everyone sees it; a post past its last day shows as closed. */
export function postView(post: PostDoc, found: PostClaimants, now: number): PostView {
  return {
    id: post._id,
    kind: post.kind,
    duty: post.duty,
    forWhom: post.forWhom,
    capacity: post.capacity,
    until: post.until,
    status: isOpen(post, now) ? 'open' : 'closed',
    claimCount: post.claimCount,
    claimants: found.claimants.get(post._id) ?? [],
    mine: found.mine.has(post._id),
  };
}

/** One post's view, its claimants read fresh. */
export async function singlePostView(post: PostDoc, callerId: string, now: number): Promise<PostView> {
  return postView(post, await claimantsOf([post], callerId), now);
}

/** The claim document of a member on a post. */
export function claimId(postId: string, memberId: string): string {
  return `${postId}_${memberId}`;
}
