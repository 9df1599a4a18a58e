import { mkdirSync } from 'node:fs';
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { networkInterfaces } from 'node:os';
import { join, resolve } from 'node:path';
import { LocalCloud, type LocalCloudOptions, type Manifest, type RouteHandler } from 'wx-local-cloud';
import { REQUEST_LIMITS } from '../../types';
import { type AppContext, sendNotFound, startSession } from './context';
import { type SeedResult, seedDemoData } from './demo';
import { HttpError, sendError } from './http';
import { apiRoute } from './routes/api';
import { devRoute } from './routes/dev';
import { fileRoute } from './routes/file';
import { signInUrlRoute } from './routes/sign-in-url';
import { filesRoute } from './routes/files';
import { uploadRoute } from './routes/upload';
import { SessionStore, loadSessionSecret } from './session';

export { safeNext } from './safe-next';

/** The repository root (this file runs from server/src under jest and from server/dist when built). */
export const REPO_ROOT = resolve(__dirname, '..', '..');

export interface AppServerOptions {
  /** Folder for the database, stored files, outbox, sessions and the session secret. */
  dataDir: string;
  /** The app's port (0, the default, picks a free one). */
  port?: number;
  /** Interface the app listens on (default 127.0.0.1); the cloud's own server is always on 127.0.0.1. */
  host?: string;
  /** The port of the cloud's own server on 127.0.0.1: admin API, function-side storage, /_dev (default: a free one). */
  adminPort?: number;
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
  /** Serve the demo sign-in under /dev (default false: only a local demo turns it on, with `--demo`). */
  devLogin?: boolean;
  /** Signs the session cookies (default: a random secret kept in <dataDir>/session-secret). */
  sessionSecret?: string;
  /** The AppID functions see in getWXContext() (default 'wx-local-h5'). */
  appid?: string;
  /** Invocations of one function run at once (the local cloud's default is 4). */
  workersPerFunction?: number;
  /** Where failed invocations are reported (default console.error). */
  log?: (line: string) => void;
  /** Timer triggers: `auto` runs them as they fall due (`npm start`); `manual` (the default, tests) only when asked. */
  timers?: 'auto' | 'manual';
}

export interface AppServer {
  /** Where the app listens, e.g. http://127.0.0.1:8787 */
  url: string;
  /** What QR codes and file URLs use. */
  publicUrl: string;
  /** The cloud's own server, for tools on this machine only (the same as `cloud.url`). */
  adminUrl: string;
  cloud: LocalCloud;
  /** What seeding did (null when seeding was turned off). */
  seed: SeedResult | null;
  /** A valid `rb_session` cookie value for this OPENID (for tests and scripts that skip the sign-in page). */
  sessionFor(openid: string): string;
  close(): Promise<void>;
}

const FAVICON = join(REPO_ROOT, 'server', 'assets', 'favicon.png');

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

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolveListen((server.address() as AddressInfo).port);
    });
  });
}

/**
 * Starts the local app server: the local WeChat cloud on its own loopback-only server (admin API, function-side
 * storage, /_dev — see local-cloud), and the app's own server on HOST:PORT — `POST /api/<function>` (identity from
 * the session only), the demo sign-in under /dev when asked for, the signed file downloads, and the H5 build at /.
 * Seeds the demo data into an empty database first.
 */
export async function startAppServer(options: AppServerOptions): Promise<AppServer> {
  const dataDir = resolve(options.dataDir);
  mkdirSync(dataDir, { recursive: true });
  const host = options.host ?? '127.0.0.1';
  const log = options.log ?? ((line: string) => console.error(line));
  let publicUrl = options.publicUrl?.replace(/\/+$/, '');

  const cloudOptions: LocalCloudOptions = {
    dataDir,
    manifest: options.manifest ?? join(REPO_ROOT, 'cloudfunctions', 'database.json'),
    functionsDir: resolve(options.functionsDir ?? join(REPO_ROOT, 'dist-cloud')),
    port: options.adminPort ?? 0,
    workersPerFunction: options.workersPerFunction,
    timers: options.timers ?? 'manual',
    limits: { eventDepth: REQUEST_LIMITS.maxDepth, devBodyBytes: REQUEST_LIMITS.maxBytes },
    log,
    // Read by the cloud whenever it draws a QR code or signs a file URL: known once the app's port is.
    get publicUrl() {
      return publicUrl;
    },
  };
  const cloud = new LocalCloud(cloudOptions);
  const sessions = new SessionStore(
    join(dataDir, 'sessions.sqlite'),
    loadSessionSecret(dataDir, options.sessionSecret),
  );
  const ctx: AppContext = {
    cloud,
    sessions,
    appid: options.appid ?? 'wx-local-h5',
    devLogin: options.devLogin ?? false,
    log,
    publicUrl: () => publicUrl,
  };
  const routes: RouteHandler[] = [
    // Before /api/<function>: these two names are the server's own.
    uploadRoute(ctx),
    fileRoute(ctx),
    apiRoute(ctx),
    devRoute(ctx),
    signInUrlRoute(ctx),
    filesRoute(ctx, { h5Dir: resolve(options.h5Dir ?? join(REPO_ROOT, 'dist-h5')), faviconFile: FAVICON }),
  ];
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://local');
    for (const route of routes) if (await route(req, res, url)) return;
    sendNotFound(ctx, res);
  };
  /** Every refusal and failure of every route is answered here. */
  const answerFailure = (req: IncomingMessage, res: ServerResponse, error: unknown) => {
    if (res.headersSent) {
      res.destroy();
    } else if (error instanceof HttpError) {
      sendError(res, error.status, error.code, error.headers);
      return;
    } else {
      sendError(res, 500, 'INTERNAL');
    }
    log(`[app] ${req.method} ${req.url}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  };
  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => answerFailure(req, res, error));
  });

  let seed: SeedResult | null = null;
  let port: number;
  try {
    if (options.seed !== false) seed = seedDemoData(cloud);
    await cloud.start();
    port = await listen(server, options.port ?? 0, host);
  } catch (error) {
    server.close();
    await cloud.close().catch(() => undefined);
    sessions.close();
    throw error;
  }
  const url = `http://${isWildcard(host) ? '127.0.0.1' : bracketed(host)}:${port}`;
  publicUrl ??= `http://${reachableHost(host)}:${port}`;
  return {
    url,
    publicUrl,
    adminUrl: cloud.url,
    cloud,
    seed,
    sessionFor: (openid) => startSession(ctx, openid),
    close: async () => {
      await new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      });
      await cloud.close();
      sessions.close();
    },
  };
}
