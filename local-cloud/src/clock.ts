/**
 * The local cloud's clock for the functions it runs: the real time, moved by an offset that tests (and the demo's
 * developer routes) set, so that a test can cross half-months, quarters and code steps without sleeping. Each
 * invocation reads the offset when it starts; WeChat's cloud has no such thing, and a function cannot tell.
 */
export class CloudClock {
  private offsetMs = 0;

  now(): number {
    return Date.now() + this.offsetMs;
  }

  get offset(): number {
    return this.offsetMs;
  }

  /** Moves the clock to `at` (ms since the epoch). */
  setTime(at: number): void {
    this.offsetMs = at - Date.now();
  }

  advance(ms: number): void {
    this.offsetMs += ms;
  }

  reset(): void {
    this.offsetMs = 0;
  }
}
