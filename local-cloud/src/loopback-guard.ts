import type { IncomingMessage } from 'node:http';

export interface Refusal {
  status: 403 | 415;
  error: string;
}

/** Content types a tool sends to the admin API; a browser page can send others (text/plain) without asking. */
const TOOL_CONTENT_TYPES = new Set(['application/json', 'multipart/form-data']);

function hasBody(req: IncomingMessage): boolean {
  return req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
}

/**
 * Whether a request to the cloud's own server (admin API, function-side storage, /_dev) comes from a tool on this
 * machine. Refused: anything only a browser sends — an `Origin` header, a `Sec-Fetch-Site` other than `none` (the
 * address bar) — a `Host` that is not loopback on this port (which also stops DNS rebinding), and a body that is not
 * JSON or multipart. A signed storage upload carries raw bytes with no content type.
 */
export function refuseUnlessLocalTool(req: IncomingMessage, url: URL, port: number): Refusal | undefined {
  if (req.headers.origin !== undefined) {
    return {
      status: 403,
      error: 'refused: requests from web pages (with an Origin header) cannot reach the local cloud',
    };
  }
  const fetchSite = req.headers['sec-fetch-site'];
  if (fetchSite !== undefined && fetchSite !== 'none') {
    return { status: 403, error: 'refused: requests made by web pages cannot reach the local cloud' };
  }
  const host = (req.headers.host ?? '').toLowerCase();
  if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}` && host !== `[::1]:${port}`) {
    return { status: 403, error: `refused: the local cloud answers only to 127.0.0.1:${port} or localhost:${port}` };
  }
  if (req.method === 'PUT' && url.pathname.startsWith('/storage/upload/')) return undefined;
  const contentType = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (TOOL_CONTENT_TYPES.has(contentType) || (contentType === '' && !hasBody(req))) return undefined;
  return { status: 415, error: 'refused: send application/json (or multipart/form-data for the open API)' };
}
