/** Quiet rounds of the event loop that count as "nothing more is coming" (React and Taro schedule on macrotasks). */
const QUIET_ROUNDS = 3;
const MAX_ROUNDS = 2000;

const nextRound = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * The harness's own work in flight (cloud calls, navigations, dialogs), so that a test reads a page only once the
 * page has everything it asked for. Counted, not observed: watching the app's promises would mark them handled and
 * hide an unhandled rejection.
 */
export class Pending {
  private count = 0;

  /** Runs `work` on a later turn, as WeChat answers an API call. */
  run<T>(work: () => T | Promise<T>): Promise<T> {
    this.count += 1;
    return new Promise<T>((resolve, reject) => {
      setTimeout(() => {
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

  /** Resolves once nothing is in flight and the event loop has stayed quiet for a few rounds. */
  async idle(): Promise<void> {
    let quiet = 0;
    for (let round = 0; round < MAX_ROUNDS; round += 1) {
      await nextRound();
      quiet = this.count === 0 ? quiet + 1 : 0;
      if (quiet >= QUIET_ROUNDS) return;
    }
    throw new Error(`the mini-program never settled: ${this.count} call(s) still in flight`);
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
