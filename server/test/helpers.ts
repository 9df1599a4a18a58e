import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { type IncomingHttpHeaders, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ActionName, CallResult, FunctionName, RequestOf, ResponseOf } from '../../types';
import { type AppServer, type AppServerOptions, startAppServer } from '../src/app';

export const FIXTURE_FUNCTIONS = join(__dirname, 'fixtures', 'functions');

export const INDEX_HTML = '<!doctype html><html lang="zh-CN"><head><title>红袖章</title></head><body>app</body></html>';

/** A stand-in for the H5 build: index.html, a hashed script, an unhashed image, a dot file and a nested folder. */
export function makeH5Dir(root: string): string {
  const dir = join(root, 'dist-h5');
  mkdirSync(join(dir, 'js'), { recursive: true });
  mkdirSync(join(dir, 'static', 'images'), { recursive: true });
  writeFileSync(join(dir, 'index.html'), INDEX_HTML);
  writeFileSync(join(dir, 'js', 'app.3f9a1c2b.js'), 'console.log("app");');
  writeFileSync(join(dir, 'static', 'images', 'logo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  writeFileSync(join(dir, '.env'), 'SECRET=1');
  writeFileSync(join(root, 'outside.txt'), 'outside the H5 build');
  return dir;
}

export interface TestApp {
  app: AppServer;
  root: string;
  dataDir: string;
  logs: string[];
  close(): Promise<void>;
  /** Removes the temporary folders (after close). */
  cleanup(): void;
}

/**
 * An app server on a free port with its own temporary data folder, H5 build and the fixture functions, with the demo
 * sign-in on (as `npm start` runs it) unless `devLogin: false` is given.
 */
export async function startTestApp(options: Partial<AppServerOptions> = {}, root?: string): Promise<TestApp> {
  const base = root ?? mkdtempSync(join(tmpdir(), 'rb-server-test-'));
  const dataDir = join(base, 'data');
  const h5Dir = options.h5Dir ?? makeH5Dir(base);
  const logs: string[] = [];
  const app = await startAppServer({
    dataDir,
    h5Dir,
    functionsDir: FIXTURE_FUNCTIONS,
    devLogin: true,
    log: (line) => logs.push(line),
    ...options,
  });
  let closing: Promise<void> | undefined;
  return {
    app,
    root: base,
    dataDir,
    logs,
    close: () => (closing ??= app.close()),
    cleanup: () => rmSync(base, { recursive: true, force: true }),
  };
}

/**
 * The app server of one test file: started before its tests and closed after them (with its folders removed). The
 * answer reads through to the started server, so `t.app` works inside tests as with startTestApp.
 */
export function useTestApp(options: Partial<AppServerOptions> = {}): TestApp {
  let started: TestApp | undefined;
  beforeAll(async () => {
    started = await startTestApp(options);
  });
  afterAll(async () => {
    await started?.close();
    started?.cleanup();
  });
  const current = (): TestApp => {
    if (!started) throw new Error('the test app is used outside a test (it starts in beforeAll)');
    return started;
  };
  return {
    get app() {
      return current().app;
    },
    get root() {
      return current().root;
    },
    get dataDir() {
      return current().dataDir;
    },
    get logs() {
      return current().logs;
    },
    close: () => current().close(),
    cleanup: () => current().cleanup(),
  };
}

/** Signs in through the login form; answers the `rb_session=…` cookie pair to send back. */
export async function login(app: AppServer, openid: string, next = '/'): Promise<string> {
  const res = await fetch(`${app.url}/dev/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ openid, next }).toString(),
    redirect: 'manual',
  });
  if (res.status !== 303) throw new Error(`login as ${openid} answered ${res.status}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('rb_session='));
  if (!cookie) throw new Error('login set no session cookie');
  return cookie.split(';')[0];
}

/** POST /api/<fn> with a JSON body and an optional cookie. */
export async function callApi(
  app: AppServer,
  fn: string,
  body: unknown,
  cookie?: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${app.url}/api/${fn}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}), ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

/** An action of the contract through POST /api as the holder of `cookie`, its request checked against the contract. */
export async function callAction<F extends FunctionName, A extends ActionName<F>>(
  app: AppServer,
  cookie: string,
  fn: F,
  action: A,
  data: RequestOf<F, A>,
): Promise<CallResult<ResponseOf<F, A>>> {
  const res = await callApi(app, fn, { action, data }, cookie);
  if (res.status !== 200) throw new Error(`${fn}.${action} answered HTTP ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body as CallResult<ResponseOf<F, A>>;
}

/** The data of an action that must succeed. */
export async function okAction<F extends FunctionName, A extends ActionName<F>>(
  app: AppServer,
  cookie: string,
  fn: F,
  action: A,
  data: RequestOf<F, A>,
): Promise<ResponseOf<F, A>> {
  const result = await callAction(app, cookie, fn, action, data);
  if (!result.ok) throw new Error(`${fn}.${action} refused: ${result.code} ${result.message}`);
  return result.data;
}

export interface RawResponse {
  status: number;
  body: string;
  raw: Buffer;
  headers: IncomingHttpHeaders;
}

/**
 * Any request with the path and headers sent exactly as written — fetch normalises `..` and `%2e` and will not send a
 * `Host` of our choosing.
 */
export function rawRequest(
  baseUrl: string,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer },
): Promise<RawResponse> {
  const { hostname, port } = new URL(baseUrl);
  const body = options.body ?? '';
  const headers = { 'content-length': String(Buffer.byteLength(body)), ...options.headers };
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path: options.path, method: options.method ?? 'GET', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const raw = Buffer.concat(chunks);
        resolve({ status: res.statusCode ?? 0, body: raw.toString('utf8'), raw, headers: res.headers });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** A GET with the path sent exactly as written (fetch would normalise `..` and `%2e`). */
export function rawGet(baseUrl: string, path: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  return rawRequest(baseUrl, { path, headers });
}
