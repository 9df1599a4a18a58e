import type { CommunitySummary, EscalationKind, OrderAbilities, OrderDetail, OrderDoc, OrderView } from '../../types';
import { ORDER_LIMITS } from '../../types/limits';
import { audit } from '../_shared/audit';
import { currentTime } from '../_shared/clock';
import { docs } from '../_shared/data';
import { communitiesById } from '../_shared/lookups';
import { temporaryFileUrls } from '../_shared/sdk';
import { removedCommunity } from '../_shared/views';

const HOUR = 3_600_000;

/** Who is looking at a request, as far as what they may see and do depends on it. */
export interface Viewer {
  openid: string;
  /** The community the caller is staff of. */
  staffCommunityId: string | null;
  /** The community a confirmed member is checked in at. */
  memberCommunityId: string | null;
}

/** The caller's standing, read once per call. */
export async function viewerOf(openid: string): Promise<Viewer> {
  const [user, member] = await Promise.all([docs('users').get(openid), docs('members').get(openid)]);
  const staff = user?.grants.find((grant) => grant.role === 'staff');
  const checkedIn = member?.status === 'verified' && member.checkedInAt !== undefined;
  return {
    openid,
    staffCommunityId: staff && staff.role === 'staff' ? staff.communityId : null,
    memberCommunityId: checkedIn ? (member.communityId ?? null) : null,
  };
}

/** Published 48 h untaken, or taken past its wanted time; null otherwise. */
export function escalationOf(order: OrderDoc, now: number): EscalationKind | null {
  if (order.status === 'published' && order.publishedAt !== null) {
    return now - order.publishedAt >= ORDER_LIMITS.untakenHours * HOUR ? 'untaken' : null;
  }
  if (order.status === 'taken') return now > order.wantedBy ? 'overdue' : null;
  return null;
}

/** Whether the viewer is staff of the request's community. */
export function isStaffOf(order: OrderDoc, viewer: Viewer): boolean {
  return viewer.staffCommunityId === order.communityId;
}

export function orderView(order: OrderDoc, community: CommunitySummary, viewer: Viewer, now: number): OrderView {
  const mine = order.residentId !== null && order.residentId === viewer.openid;
  const taking = order.takerId !== null && order.takerId === viewer.openid;
  const seesTaker = mine || taking || isStaffOf(order, viewer);
  return {
    id: order._id,
    community,
    kind: order.kind,
    text: order.text,
    wantedBy: order.wantedBy,
    compound: order.compound,
    status: order.status,
    createdAt: order.createdAt,
    publishedAt: order.publishedAt,
    onBehalfOf: order.onBehalf ? { staffName: order.onBehalf.staffName } : null,
    taker:
      seesTaker && order.takerName ? { name: order.takerName, phoneMasked: order.takerPhoneMasked ?? '****' } : null,
    takenAt: order.takenAt,
    doneAt: order.doneAt,
    rating: order.rating,
    rejectReason: order.rejectReason,
    mergedInto: order.mergedInto,
    escalation: escalationOf(order, now),
    mine,
    taking,
  };
}

/** Views of many requests, their communities read in one query. */
export async function orderViews(orders: OrderDoc[], viewer: Viewer): Promise<OrderView[]> {
  const communities = await communitiesById(orders.map((order) => order.communityId));
  const now = currentTime();
  return orders.map((order) =>
    orderView(order, communities.get(order.communityId) ?? removedCommunity(order.communityId), viewer, now),
  );
}

export async function oneOrderView(order: OrderDoc, viewer: Viewer): Promise<OrderView> {
  const [view] = await orderViews([order], viewer);
  return view;
}

/** What the viewer may do with the request in its present state. */
export function abilitiesOf(order: OrderDoc, viewer: Viewer): OrderAbilities {
  const mine = order.residentId !== null && order.residentId === viewer.openid;
  const taking = order.takerId !== null && order.takerId === viewer.openid;
  const staff = isStaffOf(order, viewer);
  const submitted = order.status === 'submitted';
  return {
    cancel: mine && (submitted || order.status === 'published'),
    publish: staff && submitted,
    merge: staff && submitted,
    reject: staff && submitted,
    take: order.status === 'published' && viewer.memberCommunityId === order.communityId && !mine,
    release: taking && order.status === 'taken',
    markDone: taking && order.status === 'taken',
    rate: mine && order.status === 'done',
    confirmDone: staff && order.status === 'done',
  };
}

/** Whether the viewer may open the request at all: its resident, its taker, its staff, or a member of it once published. */
export function maySee(order: OrderDoc, viewer: Viewer): boolean {
  if (order.residentId !== null && order.residentId === viewer.openid) return true;
  if (order.takerId !== null && order.takerId === viewer.openid) return true;
  if (isStaffOf(order, viewer)) return true;
  return order.status === 'published' && viewer.memberCommunityId === order.communityId;
}

/** Whether the viewer may read the contact: the taker while it is theirs to do, and the community's staff. */
export function seesContact(order: OrderDoc, viewer: Viewer): boolean {
  const taking = order.takerId === viewer.openid && (order.status === 'taken' || order.status === 'done');
  return taking || isStaffOf(order, viewer);
}

/**
 * One request opened by someone who may see it (check `maySee` first). Reading the contact is logged: it is the one
 * place a resident's phone and door are shown.
 */
export async function orderDetail(order: OrderDoc, viewer: Viewer): Promise<OrderDetail> {
  const contactDoc = seesContact(order, viewer) ? await docs('orderContacts').get(order._id) : null;
  const [view, urls] = await Promise.all([
    oneOrderView(order, viewer),
    temporaryFileUrls([...order.photos, ...order.donePhotos]),
  ]);
  if (contactDoc) {
    await audit({ action: 'order.readContact', actorId: viewer.openid, targetId: order._id });
  }
  return {
    ...view,
    photoUrls: order.photos.map((id) => urls.get(id)).filter((url): url is string => Boolean(url)),
    doneNote: order.doneNote,
    donePhotoUrls: order.donePhotos.map((id) => urls.get(id)).filter((url): url is string => Boolean(url)),
    releases: order.releases,
    contact: contactDoc
      ? { name: contactDoc.name, phone: contactDoc.phone, compound: order.compound, address: contactDoc.address }
      : null,
    can: abilitiesOf(order, viewer),
  };
}
