import { parseCookie } from 'cookie';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IncomingMessage } from 'node:http';

/**
 * The browser session of the local app server: a cookie holding the OPENID and when it was issued, signed with
 * HMAC-SHA256. It is the only source of the caller's identity; nothing in a request body can change it.
 */

export const SESSION_COOKIE = 'rb_session';
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;
/** How far in the future an issue time may lie (clock differences between processes). */
const CLOCK_SKEW_MS = 60_000;

export interface Session {
  openid: string;
  issuedAt: number;
}

function mac(secret: string, payload: string): Buffer {
  return createHmac('sha256', secret).update(payload).digest();
}

/** `<openid, base64url>.<issued-at ms>.<HMAC-SHA256 of the first two parts, base64url>` */
export function signSession(secret: string, openid: string, issuedAt: number = Date.now()): string {
  const payload = `${Buffer.from(openid, 'utf8').toString('base64url')}.${issuedAt}`;
  return `${payload}.${mac(secret, payload).toString('base64url')}`;
}

/** The session a cookie value stands for, or null when it is malformed, forged, altered or expired. */
export function verifySession(secret: string, value: string, now: number = Date.now()): Session | null {
  const parts = value.split('.');
  if (parts.length !== 3) return null;
  const [encodedId, issued, signature] = parts;
  if (!/^[A-Za-z0-9_-]+$/.test(encodedId) || !/^\d{1,16}$/.test(issued) || !/^[A-Za-z0-9_-]+$/.test(signature)) {
    return null;
  }
  const expected = mac(secret, `${encodedId}.${issued}`);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const issuedAt = Number(issued);
  if (issuedAt > now + CLOCK_SKEW_MS || now - issuedAt > SESSION_TTL_MS) return null;
  const openid = Buffer.from(encodedId, 'base64url').toString('utf8');
  return openid ? { openid, issuedAt } : null;
}

export function readSession(req: IncomingMessage, secret: string, now: number = Date.now()): Session | null {
  const value = parseCookie(req.headers.cookie ?? '')[SESSION_COOKIE];
  return value ? verifySession(secret, value, now) : null;
}

export function sessionCookie(value: string, secure: boolean): string {
  const maxAge = Math.floor(SESSION_TTL_MS / 1000);
  return `${SESSION_COOKIE}=${value}; Path=/; Max-Age=${maxAge}; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`;
}

export function clearedSessionCookie(secure: boolean): string {
  return `${SESSION_COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`;
}

/**
 * The secret that signs sessions: the one given, else the one kept in `<dataDir>/session-secret` (created on first
 * start, readable by the owner only), so that a restart keeps everyone signed in.
 */
export function loadSessionSecret(dataDir: string, given?: string): string {
  if (given) return given;
  const file = join(dataDir, 'session-secret');
  if (existsSync(file)) {
    const stored = readFileSync(file, 'utf8').trim();
    if (stored.length >= 32) return stored;
  }
  const secret = randomBytes(32).toString('hex');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
