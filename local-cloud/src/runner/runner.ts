import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { valueTooDeep } from '../json-limits';
import type { Identity, InvokeMessage, WorkerReply, WorkerSetup } from './protocol';

export type { Identity } from './protocol';

/** The platform's error codes for a failed invocation, as `wx.cloud.callFunction` reports them. */
export const INVOKE_ERRORS = {
  notFound: -501000,
  invalidParam: -501007,
  executeFail: -504002,
  timeout: -504003,
} as const;

export type InvokeOutcome =
  | { ok: true; result: unknown; requestId: string; durationMs: number }
  | { ok: false; errCode: number; errMsg: string; requestId: string; durationMs: number };

export interface FunctionConfig {
  timeoutMs: number;
  openapi: string[];
}

export interface RunnerOptions {
  /** A folder holding one folder per function (its bundle `index.js`, `package.json`, `config.json`). */
  functionsDir: string;
  cloudUrl: () => string;
  env: string;
  /** Workers kept per function: how many invocations of one function run at once. */
  workersPerFunction?: number;
  /** Timeout when config.json sets none; the cloud's default is 3 s. */
  defaultTimeoutMs?: number;
  /** Events nested deeper (objects and arrays) are refused before they reach a worker (default 32). */
  maxEventDepth?: number;
  /** The offset of the clock the functions see (CloudClock). */
  clockOffsetMs?: () => number;
}

const FUNCTION_NAME = /^[A-Za-z0-9_-]{1,60}$/;

interface Slot {
  worker: Worker;
  ready: Promise<void>;
  busy: boolean;
  entryMtime: number;
}

interface Job {
  message: InvokeMessage;
  resolve: (outcome: InvokeOutcome) => void;
  started: number;
}

function readConfig(dir: string, fallbackMs: number): FunctionConfig {
  const file = join(dir, 'config.json');
  if (!existsSync(file)) return { timeoutMs: fallbackMs, openapi: [] };
  const raw = JSON.parse(readFileSync(file, 'utf8')) as { timeout?: number; permissions?: { openapi?: string[] } };
  return {
    timeoutMs: typeof raw.timeout === 'number' ? raw.timeout * 1000 : fallbackMs,
    openapi: raw.permissions?.openapi ?? [],
  };
}

function fail(job: Job, errCode: number, errMsg: string): void {
  job.resolve({ ok: false, errCode, errMsg, requestId: job.message.requestId, durationMs: Date.now() - job.started });
}

/** Workers of one function: one invocation at a time each, as a cloud instance runs them. */
class FunctionPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];

  constructor(
    private readonly setup: WorkerSetup,
    private readonly size: number,
  ) {}

  private spawn(entryMtime: number): Slot {
    const worker = new Worker(join(__dirname, 'worker.js'), { workerData: this.setup, stdout: false, stderr: false });
    const ready = new Promise<void>((resolve, reject) => {
      const onMessage = (reply: WorkerReply) => {
        if (reply.type === 'ready') resolve();
        if (reply.type === 'loadError') reject(new Error(reply.message));
        if (reply.type === 'ready' || reply.type === 'loadError') worker.off('message', onMessage);
      };
      worker.on('message', onMessage);
      worker.once('error', reject);
    });
    ready.catch(() => undefined);
    const slot: Slot = { worker, ready, busy: false, entryMtime };
    worker.once('exit', () => this.drop(slot));
    this.slots.push(slot);
    return slot;
  }

  private drop(slot: Slot): void {
    const at = this.slots.indexOf(slot);
    if (at >= 0) this.slots.splice(at, 1);
  }

  invoke(message: InvokeMessage): Promise<InvokeOutcome> {
    return new Promise((resolve) => {
      this.queue.push({ message, resolve, started: Date.now() });
      this.pump();
    });
  }

  private pump(): void {
    let entryMtime: number;
    try {
      entryMtime = statSync(this.setup.entry).mtimeMs;
    } catch {
      // The bundle was deleted while invocations waited: each answers as a missing function would.
      for (const job of this.queue.splice(0)) fail(job, INVOKE_ERRORS.notFound, 'the function was removed');
      return;
    }
    for (const stale of this.slots.filter((s) => s.entryMtime !== entryMtime && !s.busy)) {
      this.drop(stale);
      void stale.worker.terminate();
    }
    while (this.queue.length > 0) {
      let slot = this.slots.find((s) => !s.busy && s.entryMtime === entryMtime);
      if (!slot && this.slots.length < this.size) slot = this.spawn(entryMtime);
      if (!slot) return;
      const job = this.queue.shift() as Job;
      const taken = slot;
      taken.busy = true;
      this.run(taken, job)
        .catch((error: unknown) =>
          fail(job, INVOKE_ERRORS.executeFail, `functions execute fail | errMsg: ${String(error)}`),
        )
        .finally(() => {
          taken.busy = false;
          this.pump();
        });
    }
  }

  private async run(slot: Slot, job: Job): Promise<void> {
    const { requestId } = job.message;
    try {
      await slot.ready;
    } catch (error) {
      this.drop(slot);
      void slot.worker.terminate();
      fail(job, INVOKE_ERRORS.executeFail, `functions execute fail | errMsg: ${(error as Error).message}`);
      return;
    }
    await new Promise<void>((done) => {
      const settle = () => {
        clearTimeout(timer);
        slot.worker.off('message', onMessage);
        slot.worker.off('exit', onExit);
        done();
      };
      const onExit = (code: number) => {
        settle();
        fail(
          job,
          INVOKE_ERRORS.executeFail,
          `functions execute fail | errMsg: the function's process exited (code ${code})`,
        );
      };
      const timer = setTimeout(() => {
        settle();
        this.drop(slot);
        void slot.worker.terminate();
        fail(job, INVOKE_ERRORS.timeout, `Invoking task timed out after ${job.message.timeoutMs / 1000} seconds`);
      }, job.message.timeoutMs);
      const onMessage = (reply: WorkerReply) => {
        if (reply.type !== 'result' || reply.requestId !== requestId) return;
        settle();
        const durationMs = Date.now() - job.started;
        if (reply.ok) job.resolve({ ok: true, result: reply.result, requestId, durationMs });
        else
          fail(
            job,
            INVOKE_ERRORS.executeFail,
            `functions execute fail | errMsg: Error: ${reply.message}${reply.stack ? `\n${reply.stack}` : ''}`,
          );
      };
      slot.worker.on('message', onMessage);
      slot.worker.once('exit', onExit);
      try {
        slot.worker.postMessage(job.message);
      } catch (error) {
        // Structured cloning refused the event (too deep, or not cloneable): nothing reached the worker.
        settle();
        fail(
          job,
          INVOKE_ERRORS.invalidParam,
          `invalid parameters: the event cannot be passed to the function (${String(error)})`,
        );
      }
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.splice(0).map((slot) => slot.worker.terminate()));
  }
}

/** What the server knows of a running invocation, found again through the token its SDK calls carry. */
export interface InvocationRecord {
  functionName: string;
  requestId: string;
  identity: Identity;
  openapi: string[];
  /** Admin API calls the invocation made, by action: database round trips, storage, openapi. */
  calls: Record<string, number>;
}

export interface InvokeResult {
  outcome: InvokeOutcome;
  calls: Record<string, number>;
}

/**
 * Loads function bundles by path and runs `main(event, context)` with the real wx-server-sdk pointed at the local
 * server. Each invocation gets its own identity in its worker's environment and a token that ties its SDK calls to it.
 */
export class FunctionRunner {
  private readonly pools = new Map<string, FunctionPool>();
  private readonly live = new Map<string, InvocationRecord>();

  constructor(private readonly options: RunnerOptions) {}

  list(): string[] {
    if (!existsSync(this.options.functionsDir)) return [];
    return readdirSync(this.options.functionsDir)
      .filter((name) => existsSync(join(this.options.functionsDir, name, 'index.js')))
      .sort();
  }

  /** Whether a function of this name is deployed (its bundle exists). */
  has(name: string): boolean {
    return FUNCTION_NAME.test(name) && existsSync(join(this.options.functionsDir, name, 'index.js'));
  }

  get maxEventDepth(): number {
    return this.options.maxEventDepth ?? 32;
  }

  config(name: string): FunctionConfig {
    return readConfig(join(this.options.functionsDir, name), this.options.defaultTimeoutMs ?? 3000);
  }

  /** The invocation a token belongs to, while it runs. */
  invocation(token: string | undefined): InvocationRecord | undefined {
    return token ? this.live.get(token) : undefined;
  }

  /** Runs a function as `identity`; without a `source` the call counts as one from the mini-program (`wx_client`). */
  async invoke(name: string, event: unknown, caller: Identity): Promise<InvokeResult> {
    const identity: Identity = { source: 'wx_client', ...caller };
    const requestId = randomBytes(16).toString('hex');
    const dir = join(this.options.functionsDir, name);
    const entry = join(dir, 'index.js');
    if (!this.has(name)) {
      const errMsg = `FunctionName parameter could not be found: ${name}`;
      return { outcome: { ok: false, errCode: INVOKE_ERRORS.notFound, errMsg, requestId, durationMs: 0 }, calls: {} };
    }
    const maxDepth = this.maxEventDepth;
    if (valueTooDeep(event, maxDepth)) {
      const errMsg = `invalid parameters: the event nests objects and arrays deeper than ${maxDepth} levels`;
      return {
        outcome: { ok: false, errCode: INVOKE_ERRORS.invalidParam, errMsg, requestId, durationMs: 0 },
        calls: {},
      };
    }
    const config = this.config(name);
    let pool = this.pools.get(name);
    if (!pool) {
      const setup: WorkerSetup = {
        functionName: name,
        entry,
        cloudUrl: this.options.cloudUrl(),
        env: this.options.env,
      };
      pool = new FunctionPool(setup, this.options.workersPerFunction ?? 4);
      this.pools.set(name, pool);
    }
    const token = randomBytes(24).toString('hex');
    const record: InvocationRecord = { functionName: name, requestId, identity, openapi: config.openapi, calls: {} };
    this.live.set(token, record);
    try {
      const outcome = await pool.invoke({
        type: 'invoke',
        requestId,
        event: event ?? {},
        identity,
        token,
        timeoutMs: config.timeoutMs,
        clockOffsetMs: this.options.clockOffsetMs?.() ?? 0,
      });
      return { outcome, calls: record.calls };
    } finally {
      this.live.delete(token);
    }
  }

  async close(): Promise<void> {
    await Promise.all([...this.pools.values()].map((pool) => pool.close()));
    this.pools.clear();
  }
}
