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

/** The page a sign-in code's URL opens (WeChat's 扫普通链接二维码打开小程序 hands it the URL as `query.q`). */
export const SIGN_IN_PAGE = 'subpackages/service/sign-in/index';

/** The sign-in code's URL: `<prefix>?c=<code>`; the prefix is the one registered with WeChat (or the app server's). */
export const SIGN_IN_URL_PATH = '/qd';
