const BASE = 'http://next.invalid';

/**
 * Where to go after signing in: a place on this server only, kept whole (path, query and hash — the H5 app's page
 * and its `scene` live in the hash). A path (`/…`), or an absolute URL whose origin is one of `origins` (this server
 * as the browser reached it), becomes `path?query#hash`; anything else (other sites, `//host`, backslashes, control
 * characters, `javascript:`) becomes `fallback`.
 */
export function safeNext(raw: string | null | undefined, fallback = '/', origins: Iterable<string> = []): string {
  if (!raw) return fallback;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\\]/.test(raw)) return fallback;
  const isPath = raw.startsWith('/') && !raw.startsWith('//');
  let url: URL;
  try {
    url = new URL(raw, BASE);
  } catch {
    return fallback;
  }
  const allowed = isPath ? url.origin === BASE : new Set(origins).has(url.origin) && /^https?:\/\//i.test(raw);
  return allowed ? `${url.pathname}${url.search}${url.hash}` : fallback;
}
