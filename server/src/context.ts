import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LocalCloud } from 'wx-local-cloud';
import { grantsOf } from './grants';
import { HttpError, sendHtml } from './http';
import { renderNotFoundPage } from './not-found-page';
import type { Session, SessionStore } from './session';

/** What every route of the app server works with. */
export interface AppContext {
  cloud: LocalCloud;
  sessions: SessionStore;
  /** The AppID functions see in getWXContext(). */
  appid: string;
  /** Whether the demo sign-in (/dev) is on. */
  devLogin: boolean;
  log: (line: string) => void;
  /** Where browsers and phones reach this server (known once it listens). */
  publicUrl: () => string | undefined;
}

/** This server's origins as a browser may have reached it: the public URL, or the Host it addressed. */
export function originsOf(ctx: AppContext, req: IncomingMessage): Set<string> {
  const origins = new Set<string>();
  const publicUrl = ctx.publicUrl();
  if (publicUrl) origins.add(new URL(publicUrl).origin);
  if (req.headers.host) {
    origins.add(`http://${req.headers.host}`);
    origins.add(`https://${req.headers.host}`);
  }
  return origins;
}

/** A request without an Origin (a same-origin GET, a tool) or from one of this server's origins. */
export function isSameOrigin(ctx: AppContext, req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  return origin === undefined || originsOf(ctx, req).has(origin);
}

export function secureCookies(ctx: AppContext): boolean {
  return (ctx.publicUrl() ?? '').startsWith('https:');
}

/**
 * The request's session, if it is valid and the person still holds the roles it began under; a session whose
 * grants changed is ended (every session of that person), so that a role given or taken away needs a new sign-in.
 */
export function currentSession(ctx: AppContext, req: IncomingMessage): Session | null {
  const session = ctx.sessions.fromRequest(req);
  if (!session) return null;
  if (grantsOf(ctx.cloud.db, session.openid) !== session.grants) {
    ctx.sessions.endAllOf(session.openid);
    return null;
  }
  return session;
}

/** The session of a request that acts as someone: signed in (else 401), and sent from this server's pages (else 403). */
export function requireSession(ctx: AppContext, req: IncomingMessage): Session {
  const session = currentSession(ctx, req);
  if (!session) throw new HttpError(401, 'NOT_SIGNED_IN');
  if (!isSameOrigin(ctx, req)) throw new HttpError(403, 'FORBIDDEN');
  return session;
}

/** Starts a session for this person under the roles they hold now; answers the cookie value. */
export function startSession(ctx: AppContext, openid: string): string {
  return ctx.sessions.create(openid, grantsOf(ctx.cloud.db, openid));
}

/** The Chinese 404 page, pointing at the demo sign-in when it is on, else at the app. */
export function sendNotFound(ctx: AppContext, res: ServerResponse, reason?: string): void {
  const link = ctx.devLogin ? { href: '/dev/login', label: '去演示登录' } : { href: '/', label: '回到首页' };
  sendHtml(res, 404, renderNotFoundPage({ link, reason }));
}
