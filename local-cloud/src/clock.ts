/**
 * Told when the clock is set or moved: where it read just before and where it reads now (ms since the epoch), and how:
 * `advance` is time passing, `set` and `reset` a jump.
 */
export type ClockListener = (from: number, to: number, how: 'set' | 'advance' | 'reset') => void;

/**
 * The local cloud's clock for the functions it runs: the real time, moved by an offset that tests (and the demo's
 * developer routes) set, so that a test can cross half-months, quarters and code steps without sleeping. Each
 * invocation reads the offset when it starts; WeChat's cloud has no such thing, and a function cannot tell.
 */
export class CloudClock {
  private offsetMs = 0;
  private readonly listeners: ClockListener[] = [];

  now(): number {
    return Date.now() + this.offsetMs;
  }

  get offset(): number {
    return this.offsetMs;
  }

  /** Moves the clock to `at` (ms since the epoch). */
  setTime(at: number): void {
    this.move('set', () => {
      this.offsetMs = at - Date.now();
    });
  }

  advance(ms: number): void {
    this.move('advance', () => {
      this.offsetMs += ms;
    });
  }

  reset(): void {
    this.move('reset', () => {
      this.offsetMs = 0;
    });
  }

  /** Calls `listener` after every setTime, advance and reset (the timed triggers tell a jump from time passing). */
  onMove(listener: ClockListener): void {
    this.listeners.push(listener);
  }

  private move(how: 'set' | 'advance' | 'reset', change: () => void): void {
    const from = this.now();
    change();
    const to = this.now();
    for (const listener of this.listeners) listener(from, to, how);
  }
}
