import type { OrderDoc } from '../types';

/** What a request is given when it is written: who, what, where, in which state, and when. */
export type OrderFields = Pick<
  OrderDoc,
  | '_id'
  | 'communityId'
  | 'kind'
  | 'text'
  | 'wantedBy'
  | 'photos'
  | 'compound'
  | 'residentId'
  | 'onBehalf'
  | 'status'
  | 'createdAt'
> &
  Partial<OrderDoc>;

/**
 * A request document: the given fields, and everything that happens to a request later (review, taking, release,
 * done, rating, cancelling) still empty unless given. Updated when created unless `updatedAt` is given.
 */
export function newOrderDoc(fields: OrderFields): OrderDoc {
  return {
    updatedAt: fields.createdAt,
    publishedAt: null,
    reviewedBy: null,
    reviewedByName: null,
    rejectReason: null,
    mergedInto: null,
    takerId: null,
    takerName: null,
    takerPhoneMasked: null,
    takenAt: null,
    releases: [],
    doneAt: null,
    doneNote: null,
    donePhotos: [],
    serviceStartAt: null,
    serviceEndAt: null,
    rating: null,
    recordId: null,
    cancelledAt: null,
    ...fields,
  };
}
