import { createHash } from 'node:crypto';

/** Inline `<script>` elements (no `src`) of a built page: Taro's H5 build puts its root font-size script there. */
const INLINE_SCRIPT = /<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/gi;

/**
 * The Content-Security-Policy of the H5 app's page: its own scripts plus exactly the inline ones it was built with
 * (by hash); styles from the bundle and inline (Taro's components add <style> elements at run time); images from this
 * server and data: URLs (the QR code and Taro's icons); fetches to this server and of blob: URLs (a photo chosen in the
 * page is read from its object URL to be uploaded — transport.h5.ts); nothing framed, embedded or based elsewhere. Checked in
 * Chromium over the staff, unit-admin, member and registration pages: without 'unsafe-inline' styles or data: images
 * the browser refuses some, with them it refuses nothing.
 */
export function appPageCsp(html: string): string {
  const hashes = [...html.matchAll(INLINE_SCRIPT)]
    .map(([, body]) => `'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`)
    .filter((hash, i, all) => all.indexOf(hash) === i);
  return [
    "default-src 'self'",
    ['script-src', "'self'", ...hashes].join(' '),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}
