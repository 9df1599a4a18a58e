/**
 * Strict by default: what would be a red or yellow line in WeChat DevTools' console is a problem that fails the test —
 * `console.error` (WeChat's component engine reports an exception in a lifecycle or event handler there) and
 * `console.warn` (WXML's runtime reports a missing template or include only there). An unhandled rejection or an
 * uncaught error already fails the jest test it happens in.
 */
export class Problems {
  readonly list: string[] = [];
  private readonly undo: (() => void)[] = [];

  constructor() {
    for (const level of ['error', 'warn'] as const) {
      const original = console[level];
      console[level] = (...args: unknown[]) => this.add(`console.${level}: ${args.map(describe).join(' ')}`);
      this.undo.push(() => {
        console[level] = original;
      });
    }
  }

  add(problem: string): void {
    this.list.push(problem);
  }

  /** Stops listening; returns what was recorded. */
  stop(): string[] {
    for (const undo of this.undo.splice(0).reverse()) undo();
    return this.list;
  }
}

function describe(value: unknown): string {
  if (value instanceof Error) return value.stack ?? value.message;
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}
