import Database from 'better-sqlite3';
import { parseCookie } from 'cookie';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';

/**
 * The browser sessions of the local app server. The cookie carries only a random session id, HMAC-signed; the
 * session itself (whose it is, when it began, the roles it was granted under) lives in `<dataDir>/sessions.sqlite`,
 * so that signing out ends it at once and a copied cookie stops working. It is the only source of the caller's
 * identity; nothing in a request body can change it.
 */

export const SESSION_COOKIE = 'rb_session';
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;
/** How far in the future a session's start may lie (clock differences between processes). */
const CLOCK_SKEW_MS = 60_000;

export interface Session {
  id: string;
  openid: string;
  issuedAt: number;
  /** The person's granted roles when the session began (see grants.ts); a change ends the session. */
  grants: string;
}

interface SessionRow {
  id: string;
  openid: string;
  issued_at: number;
  grants: string;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS sessions (
  id TEXT PRIMARY KEY, openid TEXT NOT NULL, issued_at INTEGER NOT NULL, grants TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS sessions_by_openid ON sessions (openid);
`;

export class SessionStore {
  private readonly db: Database.Database;
  private readonly insert;
  private readonly byId;
  private readonly deleteOne;
  private readonly deleteOf;
  private readonly deleteExpired;

  constructor(
    file: string,
    private readonly secret: string,
  ) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.exec(SCHEMA);
    this.insert = this.db.prepare<[string, string, number, string]>(
      'INSERT INTO sessions (id, openid, issued_at, grants) VALUES (?, ?, ?, ?)',
    );
    this.byId = this.db.prepare<[string], SessionRow>(
      'SELECT id, openid, issued_at, grants FROM sessions WHERE id = ?',
    );
    this.deleteOne = this.db.prepare<[string]>('DELETE FROM sessions WHERE id = ?');
    this.deleteOf = this.db.prepare<[string]>('DELETE FROM sessions WHERE openid = ?');
    this.deleteExpired = this.db.prepare<[number]>('DELETE FROM sessions WHERE issued_at < ?');
  }

  private mac(id: string): Buffer {
    return createHmac('sha256', this.secret).update(id).digest();
  }

  /** Starts a session; answers the cookie value `<id>.<HMAC-SHA256 of id>` (both base64url). */
  create(openid: string, grants: string, issuedAt: number = Date.now()): string {
    this.deleteExpired.run(Date.now() - SESSION_TTL_MS);
    const id = randomBytes(32).toString('base64url');
    this.insert.run(id, openid, issuedAt, grants);
    return `${id}.${this.mac(id).toString('base64url')}`;
  }

  /** The session a cookie value stands for, or null when it is malformed, forged, ended or expired. */
  read(value: string, now: number = Date.now()): Session | null {
    const parts = value.split('.');
    if (parts.length !== 2) return null;
    const [id, signature] = parts;
    if (!/^[A-Za-z0-9_-]{43}$/.test(id) || !/^[A-Za-z0-9_-]+$/.test(signature)) return null;
    const given = Buffer.from(signature, 'base64url');
    const expected = this.mac(id);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    const row = this.byId.get(id);
    if (!row) return null;
    if (row.issued_at > now + CLOCK_SKEW_MS || now - row.issued_at > SESSION_TTL_MS) {
      this.deleteOne.run(id);
      return null;
    }
    return { id: row.id, openid: row.openid, issuedAt: row.issued_at, grants: row.grants };
  }

  /** The session of a request's cookie, if it has a valid one. */
  fromRequest(req: IncomingMessage, now: number = Date.now()): Session | null {
    const value = parseCookie(req.headers.cookie ?? '')[SESSION_COOKIE];
    return value ? this.read(value, now) : null;
  }

  end(id: string): void {
    this.deleteOne.run(id);
  }

  /** Ends every session of this person (their granted roles changed). */
  endAllOf(openid: string): void {
    this.deleteOf.run(openid);
  }

  close(): void {
    this.db.close();
  }
}

export function sessionCookie(value: string, secure: boolean): string {
  const maxAge = Math.floor(SESSION_TTL_MS / 1000);
  return `${SESSION_COOKIE}=${value}; Path=/; Max-Age=${maxAge}; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`;
}

export function clearedSessionCookie(secure: boolean): string {
  return `${SESSION_COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`;
}

/**
 * The secret that signs session cookies: the one given, else the one kept in `<dataDir>/session-secret` (created on
 * first start, readable by the owner only), so that a restart keeps everyone signed in.
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
