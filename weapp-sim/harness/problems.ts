/**
 * Strict by default: everything that would be a red line in WeChat DevTools' console is a problem that fails the
 * test — `console.error`, `console.warn` (WXML's runtime reports a missing template or include only there), an
 * uncaught error or an unhandled rejection.
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
    const onRejection = (reason: unknown) => this.add(`unhandled rejection: ${describe(reason)}`);
    const onError = (error: unknown) => this.add(`uncaught error: ${describe(error)}`);
    process.on('unhandledRejection', onRejection);
    process.on('uncaughtException', onError);
    this.undo.push(() => {
      process.off('unhandledRejection', onRejection);
      process.off('uncaughtException', onError);
    });
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
