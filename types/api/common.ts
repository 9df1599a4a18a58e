import type { ErrorCode } from '../errors';

export interface CommunitySummary {
  id: string;
  name: string;
  street: string;
}

export interface UnitSummary {
  id: string;
  name: string;
}

/**
 * One page of a list: `next` is the cursor to ask for the following page with (`{ cursor: next }`), null on the last.
 * Every list that can grow past a screenful answers in this shape.
 */
export interface Paged<T> {
  items: T[];
  next: string | null;
}

/** What a list request may carry to page through it. */
export interface PageRequest {
  cursor?: string;
  limit?: number;
}

/** What every function returns. */
export type CallResult<T> = { ok: true; data: T } | { ok: false; code: ErrorCode; message: string };

/** The QR code's target page (no leading slash, as wxacode.getUnlimited wants it). */
export const CHECK_IN_PAGE = 'pages/check-in/index';
