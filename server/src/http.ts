import type { IncomingMessage, ServerResponse } from 'node:http';
import { BodyTooLargeError, readBody } from 'wx-local-cloud';
import { ERRORS, type ErrorCode } from '../../types';

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

/** The request body up to `limit` bytes, or null when it was larger and a 413 has been sent. */
export async function readLimited(req: IncomingMessage, res: ServerResponse, limit: number): Promise<Buffer | null> {
  try {
    return await readBody(req, limit);
  } catch (error) {
    if (!(error instanceof BodyTooLargeError)) throw error;
    // The rest of the body stays unread: the connection cannot carry another request.
    sendError(res, 413, 'REQUEST_TOO_LARGE', { connection: 'close' });
    return null;
  }
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
