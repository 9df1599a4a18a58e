import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { AdminContext } from './admin';
import { DatabaseEngine } from './db/database';
import { type Manifest, loadManifest, parseManifest } from './db/manifest';
import { Store } from './db/store';
import { type OutboxMessage, fillQrTemplate, supportedApis } from './openapi/apis';
import { Outbox } from './outbox';
import { FunctionRunner, type Identity, type InvokeOutcome } from './runner/runner';
import { type RouteHandler, adminRoute, readBody, sendJson } from './server';
import { sdkEnvironment } from './sdk-environment';
import { FileStorage } from './storage';

export type { Identity, InvokeOutcome } from './runner/runner';
export type { Manifest, CollectionSpec, IndexSpec } from './db/manifest';
export type { OutboxMessage } from './openapi/apis';
export type { RouteHandler } from './server';
export { loadManifest, parseManifest } from './db/manifest';
export { sdkEnvironment } from './sdk-environment';
export { BodyTooLargeError, readBody, sendJson } from './server';

export interface LocalCloudOptions {
  /** Folder for the database file, stored files and the outbox. */
  dataDir: string;
  /** The collections and indexes (a path to the manifest file, or the manifest itself). */
  manifest?: string | Manifest;
  /** Folder with one folder per built function (`<name>/index.js`). */
  functionsDir?: string;
  port?: number;
  host?: string;
  /** The environment id functions see (`getWXContext().ENV`). */
  env?: string;
  /** Where a browser reaches this server; defaults to http://host:port. Temporary file URLs and QR codes use it. */
  publicUrl?: string;
  /** The URL a mini-program code encodes: `{base}`, `{page}` and `{scene}` are filled in (default: the H5 hash route). */
  qrUrlTemplate?: string;
  /** Words that make security.msgSecCheck answer `risky`. */
  blockedWords?: string[];
  workersPerFunction?: number;
  defaultTimeoutMs?: number;
  /** More routes served by the same server before the cloud's own (an app server, say). */
  routes?: RouteHandler[];
}

export interface InvokeResponse {
  outcome: InvokeOutcome;
  /** Admin API calls the invocation made, by action (e.g. `database.getDocument`: 2). */
  calls: Record<string, number>;
}

/** The H5 build's hash route to the page, carrying the same scene a mini-program code would. */
const DEFAULT_QR_TEMPLATE = '{base}/#/{page}?scene={scene}';
const DEFAULT_BLOCKED_WORDS = ['法轮', '赌博', '代开发票', '枪支'];

/**
 * A local WeChat cloud: the admin API that the unmodified wx-server-sdk speaks (database, transactions, storage,
 * open API), a function runner, and developer routes under /_dev.
 */
export class LocalCloud {
  readonly db: DatabaseEngine;
  readonly storage: FileStorage;
  readonly runner: FunctionRunner;
  readonly outbox: Outbox;
  readonly env: string;
  readonly dataDir: string;
  private readonly server: Server;
  private readonly stats = new Map<string, number>();
  private readonly manifest: Manifest;
  private readonly store: Store;
  private port = 0;

  constructor(private readonly options: LocalCloudOptions) {
    this.dataDir = resolve(options.dataDir);
    mkdirSync(this.dataDir, { recursive: true });
    this.env = options.env ?? 'local-env';
    this.manifest =
      typeof options.manifest === 'string'
        ? loadManifest(options.manifest)
        : parseManifest(options.manifest ?? { collections: [] });
    this.store = new Store({ dataDir: this.dataDir });
    this.db = new DatabaseEngine(this.store, this.manifest);
    this.storage = new FileStorage({
      root: join(this.dataDir, 'storage'),
      env: this.env,
      publicUrl: () => this.publicUrl,
      secret: randomBytes(16).toString('hex'),
    });
    this.outbox = new Outbox(join(this.dataDir, 'outbox.jsonl'));
    this.runner = new FunctionRunner({
      functionsDir: resolve(options.functionsDir ?? join(this.dataDir, 'functions')),
      cloudUrl: () => this.url,
      env: this.env,
      workersPerFunction: options.workersPerFunction,
      defaultTimeoutMs: options.defaultTimeoutMs,
    });
    const ctx: AdminContext = {
      db: this.db,
      storage: this.storage,
      runner: this.runner,
      stats: this.stats,
      openapi: {
        qrUrl: (page, scene) =>
          fillQrTemplate(options.qrUrlTemplate ?? DEFAULT_QR_TEMPLATE, this.publicUrl, page, scene),
        blockedWords: options.blockedWords ?? DEFAULT_BLOCKED_WORDS,
        deliver: (message: OutboxMessage) => this.outbox.deliver(message),
      },
    };
    const routes: RouteHandler[] = [
      ...(options.routes ?? []),
      adminRoute(ctx),
      (req, res, url) => this.storage.handle(req, res, url),
      (req, res, url) => this.devRoute(req, res, url),
    ];
    this.server = createServer((req, res) => void this.route(routes, req, res));
  }

  private async route(routes: RouteHandler[], req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://local');
    try {
      for (const handle of routes) if (await handle(req, res, url)) return;
      sendJson(res, 404, { error: 'not found', path: url.pathname });
    } catch (error) {
      if (!res.headersSent) sendJson(res, 500, { error: error instanceof Error ? error.message : String(error) });
      else res.end();
    }
  }

  /** Developer routes: status, invoke a function as someone, the outbox, reset. */
  private async devRoute(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
    const path = url.pathname;
    if (!path.startsWith('/_dev')) return false;
    if (path === '/_dev' && req.method === 'GET') {
      sendJson(res, 200, this.describe());
      return true;
    }
    const invoke = /^\/_dev\/functions\/([A-Za-z0-9_-]+)\/invoke$/.exec(path);
    if (invoke && req.method === 'POST') {
      const raw = await readBody(req);
      const body = (raw.length ? JSON.parse(raw.toString('utf8')) : {}) as { event?: unknown; identity?: Identity };
      sendJson(res, 200, await this.invoke(invoke[1], body.event ?? {}, body.identity ?? {}));
      return true;
    }
    if (path === '/_dev/outbox' && req.method === 'GET') {
      sendJson(res, 200, { messages: this.outbox.list(url.searchParams.get('touser') ?? undefined) });
      return true;
    }
    if (path === '/_dev/stats' && req.method === 'GET') {
      sendJson(res, 200, { actions: Object.fromEntries(this.stats), docsExamined: this.db.docsExamined });
      return true;
    }
    if (path === '/_dev/reset' && req.method === 'POST') {
      this.reset();
      sendJson(res, 200, { ok: true });
      return true;
    }
    return false;
  }

  describe() {
    return {
      env: this.env,
      url: this.url,
      adminUrl: `${this.url}/admin`,
      dataDir: this.dataDir,
      database: this.store.path,
      collections: this.store.collectionNames(),
      functions: this.runner.list(),
      openapi: supportedApis,
    };
  }

  async start(): Promise<this> {
    await new Promise<void>((resolveListen, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.options.port ?? 0, this.options.host ?? '127.0.0.1', () => resolveListen());
    });
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  get url(): string {
    return `http://${this.options.host ?? '127.0.0.1'}:${this.port}`;
  }

  get publicUrl(): string {
    return this.options.publicUrl ?? this.url;
  }

  /** The environment that points the real wx-server-sdk at this server (for a script or test outside the runner). */
  sdkEnvironment(): Record<string, string> {
    return sdkEnvironment(this.url, this.env);
  }

  invoke(name: string, event: unknown, identity: Identity = {}): Promise<InvokeResponse> {
    return this.runner.invoke(name, event, identity);
  }

  actionCounts(): Record<string, number> {
    return Object.fromEntries(this.stats);
  }

  /** Empties the database (re-creating the manifest's collections), storage and outbox. */
  reset(): void {
    this.db.reset(this.manifest);
    this.storage.reset();
    this.outbox.clear();
    this.stats.clear();
  }

  async close(): Promise<void> {
    await this.runner.close();
    await new Promise<void>((done) => {
      this.server.close(() => done());
      this.server.closeAllConnections();
    });
    this.db.abortAll();
    this.store.close();
  }
}

export async function startLocalCloud(options: LocalCloudOptions): Promise<LocalCloud> {
  return new LocalCloud(options).start();
}
