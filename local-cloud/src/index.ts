import { CloudClock } from './clock';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import type { AdminContext } from './admin';
import { DatabaseEngine } from './db/database';
import { type Manifest, loadManifest, parseManifest } from './db/manifest';
import { Store } from './db/store';
import { type OutboxMessage, fillQrTemplate, supportedApis } from './openapi/apis';
import { Outbox } from './outbox';
import { parseJsonBody } from './json-limits';
import { type CloudLimits, DEFAULT_LIMITS } from './limits';
import { refuseUnlessLocalTool } from './loopback-guard';
import { FunctionRunner, type Identity, type InvokeOutcome } from './runner/runner';
import { BodyTooLargeError, type RouteHandler, adminRoute, readBody, sendJson } from './server';
import { sdkEnvironment } from './sdk-environment';
import { FileStorage } from './storage';
import { TriggerError, TriggerScheduler } from './triggers';

export type { Identity, InvokeOutcome } from './runner/runner';
export { INVOKE_ERRORS } from './runner/runner';
export type { CloudLimits } from './limits';
export { DEFAULT_LIMITS } from './limits';
export { CloudClock, type ClockListener } from './clock';
export {
  TIMER_SOURCE,
  type TimerEvent,
  TriggerError,
  type TriggerInfo,
  type TriggerRun,
  TriggerScheduler,
} from './triggers';
export { type JsonBody, jsonTextTooDeep, parseJsonBody, valueTooDeep } from './json-limits';
export type { Manifest, CollectionSpec, IndexSpec } from './db/manifest';
export type { OutboxMessage } from './openapi/apis';
export { OPENAPI_ERRORS } from './openapi/apis';
export type { RouteHandler } from './server';
export type { FileAuthority, StoredFile } from './storage';
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
  /** The port of the cloud's own server, which listens on 127.0.0.1 only (0, the default, picks a free one). */
  port?: number;
  /** The environment id functions see (`getWXContext().ENV`). */
  env?: string;
  /**
   * Where a browser reaches the files and pages (temporary download URLs and QR codes use it); defaults to the cloud's
   * own URL. An app server in front serves the downloads there.
   */
  publicUrl?: string;
  /** The URL a mini-program code encodes: `{base}`, `{page}` and `{scene}` are filled in (default: the H5 hash route). */
  qrUrlTemplate?: string;
  /** Words that make security.msgSecCheck answer `risky`. */
  blockedWords?: string[];
  workersPerFunction?: number;
  defaultTimeoutMs?: number;
  /** Size and nesting limits (defaults: DEFAULT_LIMITS). */
  limits?: Partial<CloudLimits>;
  /** Where the cloud reports what went wrong inside it (default console.error). */
  log?: (line: string) => void;
  /**
   * Timer triggers (config.json `triggers`): `auto` ticks every second of real time once the cloud starts (the CLI and
   * the app server); `manual` (the default, for tests) fires only at `triggers.tick()` / `triggers.fire(name)`.
   */
  timers?: 'auto' | 'manual';
}

export interface InvokeResponse {
  outcome: InvokeOutcome;
  /** Admin API calls the invocation made, by action (e.g. `database.getDocument`: 2). */
  calls: Record<string, number>;
}

/** How long an idle keep-alive connection stays open (see the constructor). */
const KEEP_ALIVE_MS = 10 * 60_000;

/** The H5 build's hash route to the page, carrying the same scene a mini-program code would. */
const DEFAULT_QR_TEMPLATE = '{base}/#/{page}?scene={scene}';
const DEFAULT_BLOCKED_WORDS = ['法轮', '赌博', '代开发票', '枪支'];

const identitySchema = z.strictObject({
  openid: z.string().optional(),
  appid: z.string().optional(),
  unionid: z.string().optional(),
  source: z.string().optional(),
  clientIp: z.string().optional(),
});
const devInvokeSchema = z.strictObject({ event: z.unknown().optional(), identity: identitySchema.optional() });
const DEV_INVOKE_USAGE = 'send a JSON object {"event": {…}, "identity": {"openid": "…"}}';

/**
 * A local WeChat cloud: the admin API that the unmodified wx-server-sdk speaks (database, transactions, storage,
 * open API), a function runner, and developer routes under /_dev — all on one server that listens on 127.0.0.1 only
 * and answers only tools on this machine (see loopback-guard.ts).
 */
export class LocalCloud {
  readonly db: DatabaseEngine;
  readonly storage: FileStorage;
  readonly runner: FunctionRunner;
  readonly outbox: Outbox;
  /** The time the functions see: tests move it (`clock.advance`, `clock.setTime`). */
  readonly clock = new CloudClock();
  /** The functions' timer triggers, on `clock`: `tick()`, `fire(name)`, `list()`. */
  readonly triggers: TriggerScheduler;
  readonly env: string;
  readonly dataDir: string;
  private readonly server: Server;
  private readonly stats = new Map<string, number>();
  private readonly manifest: Manifest;
  private readonly store: Store;
  private readonly limits: CloudLimits;
  private readonly log: (line: string) => void;
  private port = 0;

  constructor(private readonly options: LocalCloudOptions) {
    this.dataDir = resolve(options.dataDir);
    mkdirSync(this.dataDir, { recursive: true });
    this.env = options.env ?? 'local-env';
    this.limits = { ...DEFAULT_LIMITS, ...options.limits };
    this.log = options.log ?? ((line: string) => console.error(line));
    this.manifest =
      typeof options.manifest === 'string'
        ? loadManifest(options.manifest)
        : parseManifest(options.manifest ?? { collections: [] });
    this.store = new Store({ dataDir: this.dataDir });
    this.db = new DatabaseEngine(this.store, this.manifest);
    this.storage = new FileStorage({
      root: join(this.dataDir, 'storage'),
      metaRoot: join(this.dataDir, 'storage-meta'),
      env: this.env,
      publicUrl: () => this.publicUrl,
      cloudUrl: () => this.url,
      secret: randomBytes(16).toString('hex'),
      maxUploadBytes: this.limits.uploadBytes,
    });
    this.outbox = new Outbox(join(this.dataDir, 'outbox.jsonl'));
    const functionsDir = resolve(options.functionsDir ?? join(this.dataDir, 'functions'));
    this.runner = new FunctionRunner({
      functionsDir,
      cloudUrl: () => this.url,
      env: this.env,
      workersPerFunction: options.workersPerFunction,
      defaultTimeoutMs: options.defaultTimeoutMs,
      maxEventDepth: this.limits.eventDepth,
      clockOffsetMs: () => this.clock.offset,
    });
    this.triggers = new TriggerScheduler({ runner: this.runner, functionsDir, clock: this.clock, log: this.log });
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
      adminRoute(ctx, this.limits, this.log),
      (req, res, url) => this.storage.handle(req, res, url, { uploads: true }),
      (req, res, url) => this.devRoute(req, res, url),
    ];
    this.server = createServer((req, res) => {
      this.route(routes, req, res).catch((error: unknown) => this.failed(res, error));
    });
    // wx-server-sdk keeps its connections open without a timeout of its own. With Node's 5 s default, a script that
    // idles a few seconds between calls reuses a socket the server is just closing (ECONNRESET, -501001); the
    // server's clients are tools on this machine, so idle connections may stay open as long as the SDK keeps them.
    this.server.keepAliveTimeout = KEEP_ALIVE_MS;
    this.server.headersTimeout = KEEP_ALIVE_MS + 1000;
  }

  private async route(routes: RouteHandler[], req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://local');
    const refusal = refuseUnlessLocalTool(req, url, this.port);
    if (refusal) {
      res.setHeader('connection', 'close');
      sendJson(res, refusal.status, { error: refusal.error });
      return;
    }
    try {
      for (const handle of routes) if (await handle(req, res, url)) return;
      sendJson(res, 404, { error: 'not found' });
    } catch (error) {
      this.failed(res, error);
    }
  }

  /** An error no route answered: logged here, and the caller told only that it happened. */
  private failed(res: ServerResponse, error: unknown): void {
    this.log(`[local-cloud] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    if (!res.headersSent) sendJson(res, 500, { error: "internal error (see the local cloud's log)" });
    else res.end();
  }

  /** Developer routes: status, invoke a function as someone, the outbox, reset, timer triggers. */
  private async devRoute(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
    const path = url.pathname;
    if (!path.startsWith('/_dev')) return false;
    if (path === '/_dev' && req.method === 'GET') {
      sendJson(res, 200, this.describe());
      return true;
    }
    const invoke = /^\/_dev\/functions\/([A-Za-z0-9_-]+)\/invoke$/.exec(path);
    if (invoke && req.method === 'POST') {
      await this.devInvoke(req, res, invoke[1]);
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
    if (path === '/_dev/triggers' && req.method === 'GET') {
      sendJson(res, 200, { now: new Date(this.clock.now()).toISOString(), triggers: this.triggers.list() });
      return true;
    }
    const fire = /^\/_dev\/triggers\/([A-Za-z0-9_-]+)\/fire$/.exec(path);
    if (fire && req.method === 'POST') {
      try {
        sendJson(res, 200, await this.triggers.fire(fire[1]));
      } catch (error) {
        if (!(error instanceof TriggerError)) throw error;
        sendJson(res, 404, { error: error.message });
      }
      return true;
    }
    if (path === '/_dev/reset' && req.method === 'POST') {
      this.reset();
      sendJson(res, 200, { ok: true });
      return true;
    }
    return false;
  }

  /** `POST /_dev/functions/<name>/invoke` with `{event, identity}`: the body is checked before anything runs. */
  private async devInvoke(req: IncomingMessage, res: ServerResponse, name: string): Promise<void> {
    let raw: Buffer;
    try {
      raw = await readBody(req, this.limits.devBodyBytes);
    } catch (error) {
      if (!(error instanceof BodyTooLargeError)) throw error;
      res.setHeader('connection', 'close');
      sendJson(res, 413, { error: `the body is larger than ${this.limits.devBodyBytes} bytes` });
      return;
    }
    // The event sits one level inside the body.
    const parsed = raw.length ? parseJsonBody(raw, this.limits.eventDepth + 1) : { ok: true as const, value: {} };
    if (!parsed.ok) {
      if (parsed.problem === 'tooDeep') {
        sendJson(res, 413, { error: `the event nests deeper than ${this.limits.eventDepth} levels` });
      } else {
        sendJson(res, 400, { error: `the body is not JSON: ${DEV_INVOKE_USAGE}` });
      }
      return;
    }
    const body = devInvokeSchema.safeParse(parsed.value);
    if (!body.success) {
      const issue = body.error.issues[0];
      const where = issue?.path.length ? ` (at ${issue.path.join('.')})` : '';
      sendJson(res, 400, { error: `the body is not what this route takes${where}: ${DEV_INVOKE_USAGE}` });
      return;
    }
    sendJson(res, 200, await this.invoke(name, body.data.event ?? {}, body.data.identity ?? {}));
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
      triggers: this.triggers.list(),
      openapi: supportedApis,
      devRoutes: [
        'GET /_dev',
        'POST /_dev/functions/<name>/invoke',
        'GET /_dev/outbox',
        'GET /_dev/stats',
        'POST /_dev/reset',
        'GET /_dev/triggers',
        'POST /_dev/triggers/<name>/fire',
      ],
    };
  }

  async start(): Promise<this> {
    await new Promise<void>((resolveListen, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.options.port ?? 0, '127.0.0.1', () => resolveListen());
    });
    this.port = (this.server.address() as AddressInfo).port;
    if (this.options.timers === 'auto') this.triggers.start();
    return this;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get publicUrl(): string {
    return this.options.publicUrl ?? this.url;
  }

  /**
   * Serves the signed file downloads on another server (an app server's public port, where browsers reach
   * `publicUrl`); false when the request is not one.
   */
  serveDownload(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
    return this.storage.handle(req, res, url, { uploads: false });
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
    this.triggers.close();
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
