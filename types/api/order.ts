import type { OrderKind } from '../catalogue';
import type { Timestamp } from '../documents';
import type { OrderRating, OrderRelease, OrderStatus, ResidentAddress } from '../order-documents';
import type { CommunitySummary, Paged, PageRequest } from './common';

/** What a resident keeps with the app, as they see it themselves (their own, so in full). */
export interface ResidentProfileView extends ResidentAddress {
  name: string;
  phone: string;
  community: CommunitySummary;
  updatedAt: Timestamp;
}

export interface ResidentProfileInput extends ResidentAddress {
  name: string;
  /** Typed (browser build, or when the phone button was refused); or give `phoneCode`. */
  phone?: string;
  /** The phone button's code (mini-program): the function turns it into the number. */
  phoneCode?: string;
}

/** What a request asks for (the resident's form, and staff's for a resident without a smartphone). */
export interface OrderInput {
  kind: OrderKind;
  text: string;
  wantedBy: Timestamp;
  /** 0–3 fileIDs of the poster's own uploads. */
  photos: string[];
}

/** Who to call and where to go, for staff posting on a resident's behalf. */
export interface OrderContactInput extends Omit<ResidentAddress, 'communityId'> {
  name: string;
  phone: string;
}

/** Why a request shows on staff's escalation list. */
export type EscalationKind = 'untaken' | 'overdue';

/**
 * A request as lists show it: never the address or a phone. `taker` is for the resident, the taker and the
 * community's staff; for everybody else it is null.
 */
export interface OrderView {
  id: string;
  community: CommunitySummary;
  kind: OrderKind;
  text: string;
  wantedBy: Timestamp;
  /** The residential compound (小区). */
  compound: string;
  status: OrderStatus;
  createdAt: Timestamp;
  publishedAt: Timestamp | null;
  /** Staff posted it for a resident without a smartphone. */
  onBehalfOf: { staffName: string } | null;
  taker: { name: string; phoneMasked: string } | null;
  takenAt: Timestamp | null;
  doneAt: Timestamp | null;
  rating: OrderRating | null;
  rejectReason: string | null;
  mergedInto: string | null;
  /** Published 48 h untaken, or taken past its wanted time. */
  escalation: EscalationKind | null;
  /** The caller posted it (as the resident). */
  mine: boolean;
  /** The caller took it. */
  taking: boolean;
}

/** What the caller may do with a request now (the page shows exactly these buttons). */
export interface OrderAbilities {
  cancel: boolean;
  publish: boolean;
  merge: boolean;
  reject: boolean;
  take: boolean;
  release: boolean;
  markDone: boolean;
  rate: boolean;
  confirmDone: boolean;
}

/** One request opened: its photos, what was done, and the contact — the last only for the taker and the staff. */
export interface OrderDetail extends OrderView {
  /** Temporary addresses of the resident's photos (the taker and staff cannot read another's uploads directly). */
  photoUrls: string[];
  doneNote: string | null;
  donePhotoUrls: string[];
  releases: OrderRelease[];
  /** Only for its taker and its community's staff. */
  contact: { name: string; phone: string; compound: string; address: string } | null;
  can: OrderAbilities;
}

/** Statuses staff filter their community's requests by. */
export type OrderListFilter = 'submitted' | 'published' | 'taken' | 'done' | 'finished' | 'closed';

export interface EscalatedOrder {
  order: OrderView;
  kind: EscalationKind;
  /** Hours since it was published (untaken) or since its wanted time (overdue). */
  hours: number;
}

export interface MarkDoneInput {
  orderId: string;
  note: string;
  /** 0–9 fileIDs of the member's own photos. */
  photos: string[];
  /** When the member served (the service record's hours). */
  startAt: Timestamp;
  endAt: Timestamp;
}

export interface OrderApi {
  /** signedIn: the caller's resident profile, or null before they gave one. */
  getProfile: { req: Record<string, never>; res: { profile: ResidentProfileView | null } };
  /** signedIn: give or correct name, phone and address (once, then reused for every request). */
  saveProfile: { req: ResidentProfileInput; res: { profile: ResidentProfileView } };
  /**
   * signedIn: delete the profile. Requests not yet done are cancelled; finished ones stay, anonymised, so counts stay
   * true.
   */
  deleteProfile: { req: { confirm: true }; res: { cancelled: number; anonymised: number } };
  /** signedIn with a profile: post a request (content-checked); it waits for the community's staff. */
  post: { req: OrderInput; res: { order: OrderView } };
  /** staff: post a request for a resident without a smartphone (published at once, marked as posted by them). */
  postOnBehalf: { req: OrderInput & { contact: OrderContactInput }; res: { order: OrderView } };
  /** signedIn: the caller's own requests, newest first. */
  listMine: { req: PageRequest; res: Paged<OrderView> };
  /** signedIn: one request, as far as the caller may see it. */
  get: { req: { orderId: string }; res: { order: OrderDetail } };
  /** the resident: cancel their request before it is taken. */
  cancel: { req: { orderId: string }; res: { order: OrderView } };
  /** staff: their community's requests in one state, oldest first. */
  listForStaff: { req: PageRequest & { filter: OrderListFilter }; res: Paged<OrderView> };
  /** staff: publish a submitted request to the community's members. */
  publish: { req: { orderId: string }; res: { order: OrderView } };
  /** staff: close a submitted request as a duplicate of another open one of the community. */
  merge: { req: { orderId: string; intoId: string }; res: { order: OrderView } };
  /** staff: reject a submitted request with a reason the resident sees. */
  reject: { req: { orderId: string; reason: string }; res: { order: OrderView } };
  /** staff: published 48 h untaken, or taken past the wanted time — the longest first. */
  escalated: { req: PageRequest; res: Paged<EscalatedOrder> };
  /** member checked in at a community: its published requests (no contact), soonest wanted first. */
  listOpen: { req: PageRequest; res: Paged<OrderView> };
  /** member: the requests they took, newest first. */
  listTaken: { req: PageRequest; res: Paged<OrderView> };
  /** member checked in at the request's community: take it; of concurrent takes exactly one wins. */
  take: { req: { orderId: string }; res: { order: OrderDetail } };
  /** the taker: give it back with a reason (published again). */
  release: { req: { orderId: string; reason: string }; res: { order: OrderView } };
  /** the taker: it is done (note, photos, the time served). */
  markDone: { req: MarkDoneInput; res: { order: OrderView } };
  /** the resident: confirm it was done and rate it; its service record goes to the stamp queue. */
  rate: { req: { orderId: string; stars: number; comment: string }; res: { order: OrderView } };
  /** staff: confirm it done for a resident without a smartphone (recorded as such), with their rating if given. */
  confirmDone: {
    req: { orderId: string; stars: number | null; comment: string };
    res: { order: OrderView };
  };
}
