import type { IncomingMessage, ServerResponse } from 'node:http';
import { BodyTooLargeError, parseJsonBody, readBody } from 'wx-local-cloud';
import { ERRORS, type ErrorCode, REQUEST_LIMITS } from '../../types';

export type Headers = Record<string, string | string[]>;

/** Every answer of the app server: never sniffed into another type, never cached unless a route says so. */
export function send(res: ServerResponse, status: number, body: string | Buffer, headers: Headers = {}): void {
  res.writeHead(status, {
    'content-length': Buffer.byteLength(body),
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
    ...headers,
  });
  res.end(body);
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Headers = {}): void {
  send(res, status, JSON.stringify(body), { 'content-type': 'application/json; charset=utf-8', ...headers });
}

/** A refusal as the app's client reads it: `{ok: false, code, message}` with the code's Chinese message. */
export function sendError(res: ServerResponse, status: number, code: ErrorCode, headers: Headers = {}): void {
  sendJson(res, status, { ok: false, code, message: ERRORS[code] }, headers);
}

/** The server's own pages (sign-in, not found) load nothing from elsewhere and run no script. */
const OWN_PAGE_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

export function sendHtml(res: ServerResponse, status: number, html: string, headers: Headers = {}): void {
  send(res, status, html, {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': OWN_PAGE_CSP,
    'referrer-policy': 'same-origin',
    ...headers,
  });
}

export function redirect(res: ServerResponse, location: string, headers: Headers = {}): void {
  send(res, 303, '', { location, ...headers });
}

/** The media type of a request body, without parameters, in lower case. */
export function contentTypeOf(req: IncomingMessage): string {
  return (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
}

/**
 * A refusal: thrown by a route, answered in one place (app.ts) as `{ok: false, code, message}` with this status and
 * headers.
 */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    readonly headers: Headers = {},
  ) {
    super(`${status} ${code}`);
    this.name = 'HttpError';
  }
}

/** The body was larger than the route takes; the rest stays unread, so the connection cannot carry another request. */
export const tooLarge = () => new HttpError(413, 'REQUEST_TOO_LARGE', { connection: 'close' });

/** The request body up to `limit` bytes; a larger one is refused with 413. */
export async function readLimited(req: IncomingMessage, limit: number): Promise<Buffer> {
  try {
    return await readBody(req, limit);
  } catch (error) {
    throw error instanceof BodyTooLargeError ? tooLarge() : error;
  }
}

/** A JSON body within the nesting limit: refused with 413 when it nests too deeply, 400 when it is not JSON or UTF-8. */
export function parseJson(body: Buffer): unknown {
  const parsed = parseJsonBody(body, REQUEST_LIMITS.maxDepth);
  if (parsed.ok) return parsed.value;
  throw parsed.problem === 'tooDeep' ? new HttpError(413, 'REQUEST_TOO_LARGE') : new HttpError(400, 'NOT_JSON');
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
