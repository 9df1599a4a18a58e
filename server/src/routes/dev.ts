import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RouteHandler } from 'wx-local-cloud';
import {
  type AppContext,
  currentSession,
  isSameOrigin,
  originsOf,
  secureCookies,
  sendNotFound,
  startSession,
} from '../context';
import { findDemoIdentity, findSignInIdentity } from '../demo';
import { liveDemoStates } from '../demo-states';
import {
  type Headers,
  HttpError,
  contentTypeOf,
  isPlainObject,
  parseJson,
  readLimited,
  redirect,
  sendHtml,
  sendJson,
} from '../http';
import { type LoginPageOptions, renderLoginPage } from '../login-page';
import { clearedSessionCookie, sessionCookie } from '../session';
import { safeNext } from '../safe-next';

const MAX_FORM_BODY = 16 * 1024;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** A sign-in or sign-out form, urlencoded or JSON, of at most 16 KB; refused when it is anything else. */
async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const body = await readLimited(req, MAX_FORM_BODY);
  const contentType = contentTypeOf(req);
  if (contentType === 'application/json') {
    const form = new URLSearchParams();
    const value = body.length === 0 ? {} : parseJson(body);
    if (isPlainObject(value)) {
      for (const [key, field] of Object.entries(value)) if (typeof field === 'string') form.set(key, field);
    }
    return form;
  }
  if (contentType === 'application/x-www-form-urlencoded' || (contentType === '' && body.length === 0)) {
    try {
      return new URLSearchParams(utf8.decode(body));
    } catch {
      throw new HttpError(400, 'NOT_JSON');
    }
  }
  throw new HttpError(415, 'NOT_JSON');
}

/**
 * The demo sign-in under /dev, only when the server was started with it (`--demo`): the page listing the demo
 * people with their state now, sign-in as one of them, sign-out, and who is signed in. Without it, and for any
 * other /dev address, a Chinese 404 page.
 */
export function devRoute(ctx: AppContext): RouteHandler {
  const page = (res: ServerResponse, status: number, options: Omit<LoginPageOptions, 'states'>, headers?: Headers) =>
    sendHtml(res, status, renderLoginPage({ ...options, states: liveDemoStates(ctx.cloud.db) }), headers);

  return async (req, res, url) => {
    const path = url.pathname;
    if (path !== '/dev' && !path.startsWith('/dev/')) return false;
    if (!ctx.devLogin) {
      sendNotFound(ctx, res, '演示登录没有开启。');
      return true;
    }
    if (path === '/dev' || path === '/dev/') {
      redirect(res, '/dev/login');
      return true;
    }
    if (path === '/dev/login' && (req.method === 'GET' || req.method === 'HEAD')) {
      const session = currentSession(ctx, req);
      const next = safeNext(url.searchParams.get('next'), '/', originsOf(ctx, req));
      page(res, 200, { next, current: session ? (findDemoIdentity(session.openid) ?? null) : null });
      return true;
    }
    if (path === '/dev/login' && req.method === 'POST') {
      const form = await readForm(req);
      if (!isSameOrigin(ctx, req)) {
        page(res, 403, { next: '/', notice: '登录请求来自其他网站，已拒绝。' });
        return true;
      }
      const next = safeNext(form.get('next'), '/', originsOf(ctx, req));
      const identity = findSignInIdentity(form.get('openid') ?? '');
      if (!identity) {
        page(res, 403, { next, notice: '这不是演示身份，请从下面的名单中选择一个人登录。' });
        return true;
      }
      // Switching person ends the session this browser had.
      const previous = ctx.sessions.fromRequest(req);
      if (previous) ctx.sessions.end(previous.id);
      const cookie = sessionCookie(startSession(ctx, identity.openid), secureCookies(ctx));
      redirect(res, next, { 'set-cookie': cookie });
      return true;
    }
    if (path === '/dev/logout' && req.method === 'POST') {
      const form = await readForm(req);
      if (!isSameOrigin(ctx, req)) throw new HttpError(403, 'FORBIDDEN');
      const session = ctx.sessions.fromRequest(req);
      if (session) ctx.sessions.end(session.id);
      const next = safeNext(form.get('next'), '/dev/login', originsOf(ctx, req));
      redirect(res, next, { 'set-cookie': clearedSessionCookie(secureCookies(ctx)) });
      return true;
    }
    if (path === '/dev/whoami' && req.method === 'GET') {
      const session = currentSession(ctx, req);
      if (!session) throw new HttpError(401, 'NOT_SIGNED_IN');
      const identity = findDemoIdentity(session.openid);
      sendJson(res, 200, { openid: session.openid, name: identity?.name ?? null, role: identity?.role ?? null });
      return true;
    }
    if (path === '/dev/clock' && req.method === 'POST') {
      // Moves the time the functions see (the e2e tests cross an activity's window with it); never from another site.
      const advanceMs = await readAdvance(req);
      if (!isSameOrigin(ctx, req)) throw new HttpError(403, 'FORBIDDEN');
      if (advanceMs === null) throw new HttpError(400, 'INVALID_INPUT');
      ctx.cloud.clock.advance(advanceMs);
      sendJson(res, 200, { now: ctx.cloud.clock.now() });
      return true;
    }
    sendNotFound(ctx, res);
    return true;
  };
}

/** At most a year either way. */
const MAX_ADVANCE_MS = 366 * 24 * 60 * 60 * 1000;

/** `advanceMs` of a JSON body (a number or a numeric string) or a form; null when it is not a whole number in range. */
async function readAdvance(req: IncomingMessage): Promise<number | null> {
  let raw: unknown;
  if (contentTypeOf(req) === 'application/json') {
    const body = await readLimited(req, MAX_FORM_BODY);
    const value = body.length === 0 ? {} : parseJson(body);
    raw = isPlainObject(value) ? value.advanceMs : undefined;
  } else {
    raw = (await readForm(req)).get('advanceMs');
  }
  const ms = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
  return typeof ms === 'number' && Number.isSafeInteger(ms) && Math.abs(ms) <= MAX_ADVANCE_MS ? ms : null;
}
