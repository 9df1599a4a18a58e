import { mkdirSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { networkInterfaces } from 'node:os';
import { join, resolve } from 'node:path';
import {
  BodyTooLargeError,
  type InvokeOutcome,
  LocalCloud,
  type LocalCloudOptions,
  type Manifest,
  type RouteHandler,
  readBody,
} from 'wx-local-cloud';
import { ERRORS, type ErrorCode } from '../../types';
import { type SeedResult, findDemoIdentity, seedDemoData } from './demo-data';
import { renderLoginPage } from './login-page';
import { clearedSessionCookie, loadSessionSecret, readSession, sessionCookie, signSession } from './session';
import { serveStatic } from './static';

/** The repository root (this file runs from server/src under jest and from server/dist when built). */
export const REPO_ROOT = resolve(__dirname, '..', '..');

export interface AppServerOptions {
  /** Folder for the database, stored files, outbox and the session secret. */
  dataDir: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Interface to listen on (default 127.0.0.1). */
  host?: string;
  /** Where browsers and phones reach this server (QR codes and file URLs use it); default http://host:port. */
  publicUrl?: string;
  /** Built cloud functions, one folder each (default <repo>/dist-cloud). */
  functionsDir?: string;
  /** The H5 build served at / (default <repo>/dist-h5). */
  h5Dir?: string;
  /** The collections manifest (default <repo>/cloudfunctions/database.json). */
  manifest?: string | Manifest;
  /** Load the demo data into an empty database (default true). */
  seed?: boolean;
  /** Signs the session cookies (default: a random secret kept in <dataDir>/session-secret). */
  sessionSecret?: string;
  /** The AppID functions see in getWXContext() (default 'wx-local-h5'). */
  appid?: string;
  /** Invocations of one function run at once (the local cloud's default is 4). */
  workersPerFunction?: number;
  /** Where failed invocations are reported (default console.error). */
  log?: (line: string) => void;
}

export interface AppServer {
  /** Where the server listens, e.g. http://127.0.0.1:8787 */
  url: string;
  /** What QR codes and file URLs use. */
  publicUrl: string;
  cloud: LocalCloud;
  /** What seeding did (null when seeding was turned off). */
  seed: SeedResult | null;
  /** A valid `rb_session` cookie value for this OPENID (for tests and scripts that skip the login page). */
  sessionFor(openid: string): string;
  close(): Promise<void>;
}

const MAX_API_BODY = 1024 * 1024;
const MAX_FORM_BODY = 16 * 1024;
const FUNCTION_NAME = /^[a-z][a-z0-9]*$/;
/** First path segments the local cloud itself serves: never answered by the static files. */
const RESERVED_SEGMENTS = new Set(['api', 'dev', '_dev', 'admin', 'storage']);

/** The request body up to `limit` bytes, or null when it was larger and a 413 has been sent. */
async function readLimited(req: IncomingMessage, res: ServerResponse, limit: number): Promise<Buffer | null> {
  try {
    return await readBody(req, limit);
  } catch (error) {
    if (!(error instanceof BodyTooLargeError)) throw error;
    sendError(res, 413, 'INVALID_INPUT', { connection: 'close' });
    return null;
  }
}

function send(res: ServerResponse, status: number, body: string, headers: Record<string, string | string[]>): void {
  res.writeHead(status, {
    'content-length': Buffer.byteLength(body),
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
    ...headers,
  });
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  send(res, status, JSON.stringify(body), { 'content-type': 'application/json; charset=utf-8', ...headers });
}

function sendError(res: ServerResponse, status: number, code: ErrorCode, headers: Record<string, string> = {}) {
  sendJson(res, status, { ok: false, code, message: ERRORS[code] }, headers);
}

const LOGIN_PAGE_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

function sendHtml(res: ServerResponse, status: number, html: string, headers: Record<string, string | string[]> = {}) {
  send(res, status, html, {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': LOGIN_PAGE_CSP,
    'referrer-policy': 'same-origin',
    ...headers,
  });
}

function redirect(res: ServerResponse, location: string, headers: Record<string, string | string[]> = {}): void {
  send(res, 303, '', { location, ...headers });
}

/**
 * Where to go after signing in: a path on this server only. Anything else (absolute URLs, `//host`, backslashes,
 * control characters) becomes `/`.
 */
export function safeNext(raw: string | null | undefined, fallback = '/'): string {
  if (!raw || !raw.startsWith('/') || raw.startsWith('//')) return fallback;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\\]/.test(raw)) return fallback;
  try {
    const base = 'http://next.invalid';
    const url = new URL(raw, base);
    if (url.origin !== base) return fallback;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return fallback;
  }
}

const isWildcard = (host: string) => host === '0.0.0.0' || host === '::' || host === '';

function bracketed(host: string): string {
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
}

/** A host a browser can reach: a wildcard address stands for this machine's LAN address (or loopback). */
function reachableHost(host: string): string {
  if (!isWildcard(host)) return bracketed(host);
  for (const addresses of Object.values(networkInterfaces())) {
    for (const address of addresses ?? []) {
      if (address.family === 'IPv4' && !address.internal) return address.address;
    }
  }
  return '127.0.0.1';
}

function isCallResult(value: unknown): boolean {
  return typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean';
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Starts the local app server: one HTTP server that is the local WeChat cloud (admin API, storage, /_dev) and, in
 * front of it, the H5 app's routes — `POST /api/<function>` (identity from the signed session cookie only), the demo
 * sign-in under /dev, and the H5 build at /. Seeds the demo data into an empty database first.
 */
export async function startAppServer(options: AppServerOptions): Promise<AppServer> {
  const dataDir = resolve(options.dataDir);
  mkdirSync(dataDir, { recursive: true });
  const host = options.host ?? '127.0.0.1';
  const h5Dir = resolve(options.h5Dir ?? join(REPO_ROOT, 'dist-h5'));
  const secret = loadSessionSecret(dataDir, options.sessionSecret);
  const appid = options.appid ?? 'wx-local-h5';
  const log = options.log ?? ((line: string) => console.error(line));
  let publicUrl = options.publicUrl?.replace(/\/+$/, '');
  const secureCookie = () => (publicUrl ?? '').startsWith('https:');

  /** Origins a state-changing request may come from: this server as the browser addressed it, or the public URL. */
  const sameOrigin = (req: IncomingMessage): boolean => {
    const origin = req.headers.origin;
    if (origin === undefined) return true;
    const allowed = new Set<string>();
    if (publicUrl) allowed.add(new URL(publicUrl).origin);
    if (req.headers.host) {
      allowed.add(`http://${req.headers.host}`);
      allowed.add(`https://${req.headers.host}`);
    }
    return allowed.has(origin);
  };

  const api: RouteHandler = async (req, res, url) => {
    if (url.pathname !== '/api' && !url.pathname.startsWith('/api/')) return false;
    const name = url.pathname.slice('/api/'.length);
    if (!FUNCTION_NAME.test(name)) {
      sendError(res, 404, 'INTERNAL');
      return true;
    }
    if (req.method !== 'POST') {
      sendError(res, 405, 'INVALID_INPUT', { allow: 'POST' });
      return true;
    }
    const session = readSession(req, secret);
    if (!session) {
      sendError(res, 401, 'NOT_SIGNED_IN');
      return true;
    }
    if (!sameOrigin(req)) {
      sendError(res, 403, 'FORBIDDEN');
      return true;
    }
    const contentType = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    if (contentType !== 'application/json') {
      sendError(res, 415, 'INVALID_INPUT');
      return true;
    }
    const body = await readLimited(req, res, MAX_API_BODY);
    if (!body) return true;
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch {
      sendError(res, 400, 'INVALID_INPUT');
      return true;
    }
    if (!isPlainObject(parsed) || typeof parsed.action !== 'string' || !parsed.action) {
      sendError(res, 400, 'INVALID_INPUT');
      return true;
    }
    if (parsed.data !== undefined && !isPlainObject(parsed.data)) {
      sendError(res, 400, 'INVALID_INPUT');
      return true;
    }
    // The event is exactly {action, data}: whatever else the body carries (an `openid`, say) never reaches the function.
    const event = { action: parsed.action, data: parsed.data ?? {} };
    let outcome: InvokeOutcome;
    try {
      ({ outcome } = await cloud.invoke(name, event, { openid: session.openid, appid }));
    } catch (error) {
      log(`[api] ${name}.${event.action} as ${session.openid} could not run: ${String(error)}`);
      sendError(res, 502, 'INTERNAL');
      return true;
    }
    if (!outcome.ok) {
      const notFound = outcome.errCode === -501000;
      log(`[api] ${name}.${event.action} as ${session.openid} failed: ${outcome.errCode} ${outcome.errMsg}`);
      sendError(res, notFound ? 404 : 502, 'INTERNAL');
      return true;
    }
    if (!isCallResult(outcome.result)) {
      log(`[api] ${name}.${event.action} answered something that is not a CallResult`);
      sendError(res, 502, 'INTERNAL');
      return true;
    }
    sendJson(res, 200, outcome.result);
    return true;
  };

  const dev: RouteHandler = async (req, res, url) => {
    const path = url.pathname;
    if (path === '/dev' || path === '/dev/') {
      redirect(res, '/dev/login');
      return true;
    }
    if (path === '/dev/login' && (req.method === 'GET' || req.method === 'HEAD')) {
      const session = readSession(req, secret);
      const current = session ? findDemoIdentity(session.openid) : null;
      sendHtml(res, 200, renderLoginPage({ next: safeNext(url.searchParams.get('next')), current }));
      return true;
    }
    if (path === '/dev/login' && req.method === 'POST') {
      const form = await readForm(req, res);
      if (!form) return true;
      if (!sameOrigin(req)) {
        sendHtml(res, 403, renderLoginPage({ next: '/', notice: '登录请求来自其他网站，已拒绝。' }));
        return true;
      }
      const next = safeNext(form.get('next'));
      const identity = findDemoIdentity(form.get('openid') ?? '');
      if (!identity) {
        sendHtml(res, 403, renderLoginPage({ next, notice: '这不是演示身份，请从下面的名单中选择一个人登录。' }));
        return true;
      }
      redirect(res, next, { 'set-cookie': sessionCookie(signSession(secret, identity.openid), secureCookie()) });
      return true;
    }
    if (path === '/dev/logout' && req.method === 'POST') {
      const form = await readForm(req, res);
      if (!form) return true;
      if (!sameOrigin(req)) {
        sendError(res, 403, 'FORBIDDEN');
        return true;
      }
      redirect(res, safeNext(form.get('next'), '/dev/login'), { 'set-cookie': clearedSessionCookie(secureCookie()) });
      return true;
    }
    if (path === '/dev/whoami' && req.method === 'GET') {
      const session = readSession(req, secret);
      if (!session) {
        sendError(res, 401, 'NOT_SIGNED_IN');
        return true;
      }
      const identity = findDemoIdentity(session.openid);
      sendJson(res, 200, { openid: session.openid, name: identity?.name ?? null, role: identity?.role ?? null });
      return true;
    }
    return false;
  };

  /** A form (urlencoded or JSON) of at most 16 KB; null when it answered the request with an error. */
  async function readForm(req: IncomingMessage, res: ServerResponse): Promise<URLSearchParams | null> {
    const body = await readLimited(req, res, MAX_FORM_BODY);
    if (!body) return null;
    const contentType = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    const text = body.toString('utf8');
    if (contentType === 'application/json') {
      try {
        const parsed: unknown = text ? JSON.parse(text) : {};
        const form = new URLSearchParams();
        if (isPlainObject(parsed)) {
          for (const [key, value] of Object.entries(parsed)) if (typeof value === 'string') form.set(key, value);
        }
        return form;
      } catch {
        sendError(res, 400, 'INVALID_INPUT');
        return null;
      }
    }
    if (contentType === 'application/x-www-form-urlencoded' || (contentType === '' && text === '')) {
      return new URLSearchParams(text);
    }
    sendError(res, 415, 'INVALID_INPUT');
    return null;
  }

  const files: RouteHandler = async (req, res, url) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    const first = url.pathname.split('/')[1] ?? '';
    if (RESERVED_SEGMENTS.has(first)) return false;
    return serveStatic(req, res, url, { root: h5Dir });
  };

  const cloudOptions: LocalCloudOptions = {
    dataDir,
    manifest: options.manifest ?? join(REPO_ROOT, 'cloudfunctions', 'database.json'),
    functionsDir: resolve(options.functionsDir ?? join(REPO_ROOT, 'dist-cloud')),
    port: options.port ?? 0,
    host,
    workersPerFunction: options.workersPerFunction,
    routes: [api, dev, files],
    // Read by the cloud whenever it draws a QR code or signs a file URL: known once the port is.
    get publicUrl() {
      return publicUrl;
    },
  };
  const cloud = new LocalCloud(cloudOptions);
  let seed: SeedResult | null = null;
  try {
    if (options.seed !== false) seed = seedDemoData(cloud);
    await cloud.start();
  } catch (error) {
    await cloud.close().catch(() => undefined);
    throw error;
  }
  const port = Number(/:(\d+)$/.exec(cloud.url)?.[1]);
  const url = `http://${isWildcard(host) ? '127.0.0.1' : bracketed(host)}:${port}`;
  publicUrl ??= `http://${reachableHost(host)}:${port}`;
  return {
    url,
    publicUrl,
    cloud,
    seed,
    sessionFor: (openid) => signSession(secret, openid),
    close: () => cloud.close(),
  };
}
