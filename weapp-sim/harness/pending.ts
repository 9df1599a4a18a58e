/** Rounds of the event loop with nothing pending that count as settled. */
const QUIET_ROUNDS = 2;
/** How long a test waits for the app to settle before it fails. */
const SETTLE_LIMIT_MS = 15_000;
/** Timers this long or longer are the app's "later" (a toast's life, a poll), not part of what a tap causes. */
const LONG_TIMER_MS = 1000;

const realSetTimeout = globalThis.setTimeout;
const realClearTimeout = globalThis.clearTimeout;
const realSetImmediate = globalThis.setImmediate;
const realClearImmediate = globalThis.clearImmediate;
const nextRound = () => new Promise<void>((resolve) => realSetTimeout(resolve, 0));

/**
 * The work in flight in the mini-program: the harness's own (cloud calls, navigations, dialogs) and every short
 * timer the app's code has set (Taro renders on a timer, React's scheduler on setImmediate, a polyfilled animation
 * frame waits 16 ms), so that a test reads a page only once the page has everything it asked for. Counted, not observed:
 * watching the app's promises would mark them handled and hide an unhandled rejection.
 */
export class Pending {
  private count = 0;
  private readonly timers = new Set<unknown>();

  constructor() {
    const timers = this.timers;
    const wrapped = (handler: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) => {
      const short = (ms ?? 0) < LONG_TIMER_MS;
      const id: unknown = realSetTimeout(() => {
        timers.delete(id);
        handler(...args);
      }, ms);
      if (short) timers.add(id);
      return id;
    };
    globalThis.setTimeout = wrapped as unknown as typeof setTimeout;
    globalThis.clearTimeout = ((id: unknown) => {
      timers.delete(id);
      realClearTimeout(id as Parameters<typeof clearTimeout>[0]);
    }) as typeof clearTimeout;
    // React's scheduler works in setImmediate slices where there is one.
    globalThis.setImmediate = ((handler: (...args: unknown[]) => void, ...args: unknown[]) => {
      const id: unknown = realSetImmediate(() => {
        timers.delete(id);
        handler(...args);
      });
      timers.add(id);
      return id;
    }) as unknown as typeof setImmediate;
    globalThis.clearImmediate = ((id: unknown) => {
      timers.delete(id);
      realClearImmediate(id as Parameters<typeof clearImmediate>[0]);
    }) as typeof clearImmediate;
  }

  /** Gives the app back the real timers (at close). */
  stop(): void {
    globalThis.setTimeout = realSetTimeout;
    globalThis.clearTimeout = realClearTimeout;
    globalThis.setImmediate = realSetImmediate;
    globalThis.clearImmediate = realClearImmediate;
  }

  /** Runs `work` on a later turn, as WeChat answers an API call. */
  run<T>(work: () => T | Promise<T>): Promise<T> {
    this.count += 1;
    return new Promise<T>((resolve, reject) => {
      realSetTimeout(() => {
        Promise.resolve()
          .then(work)
          .then(
            (value) => {
              this.count -= 1;
              resolve(value);
            },
            (error: unknown) => {
              this.count -= 1;
              reject(error);
            },
          );
      }, 0);
    });
  }

  /** Resolves once no call is in flight and no short timer is set, for a few rounds of the event loop in a row. */
  async idle(): Promise<void> {
    const started = Date.now();
    let quiet = 0;
    while (quiet < QUIET_ROUNDS) {
      if (Date.now() - started > SETTLE_LIMIT_MS) {
        throw new Error(
          `the mini-program never settled: ${this.count} call(s) in flight, ${this.timers.size} timer(s) set`,
        );
      }
      await nextRound();
      quiet = this.count === 0 && this.timers.size === 0 ? quiet + 1 : 0;
    }
  }
}

type Callbacks<T> = { success?: (res: T) => void; fail?: (err: unknown) => void; complete?: (res: unknown) => void };

/** Answers a wx API call WeChat's way: through its callbacks when it gave any, as a promise otherwise. */
export function respond<T>(options: Callbacks<T>, result: Promise<T>): Promise<T> | undefined {
  if (!options.success && !options.fail && !options.complete) return result;
  result.then(
    (res) => {
      options.success?.(res);
      options.complete?.(res);
    },
    (err: unknown) => {
      options.fail?.(err);
      options.complete?.(err);
    },
  );
  return undefined;
}
