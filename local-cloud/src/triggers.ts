import { Cron } from 'croner';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CloudClock } from './clock';
import type { FunctionRunner, InvokeOutcome, InvokeResult } from './runner/runner';

/** A timer trigger a deployed function declares in its config.json, and when it runs next (cloud time). */
export interface TriggerInfo {
  functionName: string;
  /** The trigger's name: the event's `TriggerName`. */
  name: string;
  type: 'timer';
  /** WeChat's seven fields: 秒 分 时 日 月 星期 年, in China time. */
  cron: string;
  /** ISO time of the next run after the cloud clock's now, or null when the schedule has no more runs. */
  nextRun: string | null;
}

/** One run `tick()` made. */
export interface TriggerRun {
  functionName: string;
  triggerName: string;
  /** ISO time of the scheduled run (the event's `Time`). */
  scheduledAt: string;
  outcome: InvokeOutcome;
  calls: Record<string, number>;
}

/** The event WeChat hands a function its timer fires. */
export interface TimerEvent {
  Type: 'Timer';
  TriggerName: string;
  Time: string;
}

/** `fire()` of a function that is not deployed or declares no (valid) timer trigger. */
export class TriggerError extends Error {}

/** WeChat's SOURCE for a run its timer started: no one is the caller, so there is no OPENID. */
export const TIMER_SOURCE = 'wx_trigger';

const TRIGGER_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,59}$/;
const YEAR_MIN = 1970;
const YEAR_MAX = 2099;

interface Trigger {
  functionName: string;
  name: string;
  cron: string;
  schedule: Cron;
}

/** Why a year field (the 7th) is refused, or null: every year it names lies in 1970–2099. */
function yearProblem(field: string): string | null {
  for (const part of field.split(',')) {
    const [base, step, extra] = part.split('/');
    if (extra !== undefined || (step !== undefined && !/^\d+$/.test(step)))
      return `the year field "${field}" is not valid`;
    if (base === '*' || base === '?') continue;
    const bounds = base.split('-');
    if (bounds.length > 2 || bounds.some((b) => !/^\d+$/.test(b))) return `the year field "${field}" is not valid`;
    if (bounds.some((b) => Number(b) < YEAR_MIN || Number(b) > YEAR_MAX)) {
      return `the year field "${field}" names a year outside ${YEAR_MIN}–${YEAR_MAX}`;
    }
  }
  return null;
}

/** A function's config.json triggers checked as WeChat checks them at deployment: the trigger, or why it is refused. */
export function parseTriggers(functionName: string, config: unknown): Trigger | null | { problem: string } {
  if (typeof config !== 'object' || config === null) return { problem: 'config.json is not a JSON object' };
  const triggers = (config as { triggers?: unknown }).triggers;
  if (triggers === undefined) return null;
  if (!Array.isArray(triggers)) return { problem: '"triggers" is not a list' };
  if (triggers.length === 0) return null;
  if (triggers.length > 1) return { problem: `a function may declare only one trigger, not ${triggers.length}` };
  const raw = triggers[0] as { name?: unknown; type?: unknown; config?: unknown };
  if (typeof raw !== 'object' || raw === null) return { problem: 'the trigger is not an object' };
  if (typeof raw.name !== 'string' || !TRIGGER_NAME.test(raw.name)) {
    return {
      problem: `the trigger name ${JSON.stringify(raw.name)} is not 1–60 letters, digits, - or _ starting with a letter`,
    };
  }
  if (raw.type !== 'timer') return { problem: `the trigger type ${JSON.stringify(raw.type)} is not "timer"` };
  if (typeof raw.config !== 'string') return { problem: 'the trigger has no cron "config"' };
  const fields = raw.config.trim().split(/\s+/);
  if (fields.length !== 7) {
    return { problem: `the cron "${raw.config}" has ${fields.length} fields, not 7 (秒 分 时 日 月 星期 年)` };
  }
  const year = yearProblem(fields[6]);
  if (year) return { problem: year };
  const cron = fields.join(' ');
  try {
    // China time whatever the server's zone; a day of the month and a day of the week both set combine as OR.
    const schedule = new Cron(cron, { timezone: 'Asia/Shanghai', mode: '7-part', paused: true, domAndDow: false });
    return { functionName, name: raw.name, cron, schedule };
  } catch (error) {
    return {
      problem: `the cron "${raw.config}" is not valid: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}

export interface TriggerSchedulerOptions {
  runner: FunctionRunner;
  /** The folder of deployed functions (`<name>/config.json`). */
  functionsDir: string;
  clock: CloudClock;
  log: (line: string) => void;
}

/**
 * Timer triggers as WeChat runs them, on the cloud's clock (which tests move): each deployed function's config.json
 * `triggers` (re-read at every tick, so a redeployed function's change counts), checked as WeChat checks them — a
 * refused one is logged and skipped, the rest still run. `tick()` fires each trigger with a run due since the last
 * check ONCE (a clock advanced days ahead does not make up the missed runs; WeChat does not either). `clock.setTime`
 * and `clock.reset` are jumps, not time passing: the count starts again from where the clock was set, so a test sets
 * the clock just before a run, advances it across, and ticks. Runs have no OPENID and SOURCE `wx_trigger`.
 */
export class TriggerScheduler {
  /** Runs after this time and at or before the clock's now are due at the next tick. */
  private checkedAt: number;
  private readonly seen = new Map<string, { text: string; parsed: Trigger | null }>();
  private timer: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(private readonly options: TriggerSchedulerOptions) {
    this.checkedAt = options.clock.now();
    // Time passing (advance) makes runs due; a jump (setTime, reset) is not time passing: nothing in between runs.
    options.clock.onMove((_from, to, how) => {
      if (how !== 'advance' || to < this.checkedAt) this.checkedAt = to;
    });
    this.refresh();
  }

  /** Each valid trigger with its cron and its next run after the cloud clock's now. */
  list(): TriggerInfo[] {
    const now = new Date(this.options.clock.now());
    return this.refresh().map((t) => ({
      functionName: t.functionName,
      name: t.name,
      type: 'timer',
      cron: t.cron,
      nextRun: t.schedule.nextRun(now)?.toISOString() ?? null,
    }));
  }

  /** Fires every trigger with a run due since the last tick (once each, at its latest due run), and waits for them. */
  async tick(): Promise<TriggerRun[]> {
    if (this.closed) return [];
    const now = this.options.clock.now();
    const since = this.checkedAt;
    this.checkedAt = Math.max(now, since);
    if (now <= since) return [];
    const due: Array<{ trigger: Trigger; at: number }> = [];
    for (const trigger of this.refresh()) {
      const next = trigger.schedule.nextRun(new Date(since));
      if (next && next.getTime() <= now) due.push({ trigger, at: latestRun(trigger.schedule, since, now, next) });
    }
    return Promise.all(
      due.map(async ({ trigger, at }) => {
        const scheduledAt = new Date(at).toISOString();
        const { outcome, calls } = await this.run(trigger, scheduledAt);
        if (!outcome.ok) {
          this.options.log(
            `[local-cloud] timer ${trigger.functionName}/${trigger.name} (${scheduledAt}) failed: ${outcome.errCode} ${outcome.errMsg}`,
          );
        }
        return { functionName: trigger.functionName, triggerName: trigger.name, scheduledAt, outcome, calls };
      }),
    );
  }

  /** Fires the function's trigger now (cloud time), outside its schedule; a TriggerError when there is none. */
  async fire(functionName: string): Promise<InvokeResult> {
    if (!this.options.runner.has(functionName)) {
      throw new TriggerError(`no function named ${JSON.stringify(functionName)} is deployed`);
    }
    this.refresh();
    const trigger = this.seen.get(functionName)?.parsed;
    if (!trigger) throw new TriggerError(`the function ${functionName} declares no valid timer trigger`);
    return this.run(trigger, new Date(this.options.clock.now()).toISOString());
  }

  /** Ticks every `intervalMs` on a real timer that does not keep the process alive (auto mode). */
  start(intervalMs = 1000): void {
    if (this.timer || this.closed) return;
    this.timer = setInterval(() => {
      this.tick().catch((error: unknown) =>
        this.options.log(
          `[local-cloud] timer tick failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
        ),
      );
    }, intervalMs);
    this.timer.unref();
  }

  /** Stops the automatic ticks; after it, tick() fires nothing. */
  close(): void {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  private run(trigger: Trigger, time: string): Promise<InvokeResult> {
    const event: TimerEvent = { Type: 'Timer', TriggerName: trigger.name, Time: time };
    return this.options.runner.invoke(trigger.functionName, event, { source: TIMER_SOURCE });
  }

  /** Re-reads every deployed function's config.json; a refused trigger is logged once per version of the file. */
  private refresh(): Trigger[] {
    const names = new Set(this.options.runner.list());
    for (const name of [...this.seen.keys()]) if (!names.has(name)) this.seen.delete(name);
    const triggers: Trigger[] = [];
    for (const name of names) {
      const file = join(this.options.functionsDir, name, 'config.json');
      let text = '';
      try {
        text = existsSync(file) ? readFileSync(file, 'utf8') : '';
      } catch (error) {
        this.options.log(`[local-cloud] cannot read ${file}: ${String(error)}`);
      }
      let entry = this.seen.get(name);
      if (!entry || entry.text !== text) {
        entry = { text, parsed: this.parse(name, text) };
        this.seen.set(name, entry);
      }
      if (entry.parsed) triggers.push(entry.parsed);
    }
    return triggers;
  }

  private parse(name: string, text: string): Trigger | null {
    if (text.trim() === '') return null;
    let config: unknown;
    try {
      config = JSON.parse(text);
    } catch {
      this.options.log(`[local-cloud] the trigger of ${name} is skipped: config.json is not JSON`);
      return null;
    }
    const parsed = parseTriggers(name, config);
    if (parsed && 'problem' in parsed) {
      this.options.log(`[local-cloud] the trigger of ${name} is skipped: ${parsed.problem}`);
      return null;
    }
    return parsed;
  }
}

/** The schedule's latest run in (since, now]; `first` is its first run after `since`. */
function latestRun(schedule: Cron, since: number, now: number, first: Date): number {
  // previousRuns answers runs before the reference's whole second: the next second takes in a run at `now` itself.
  const [latest] = schedule.previousRuns(1, new Date(Math.floor(now / 1000) * 1000 + 1000));
  const at = latest?.getTime();
  return at !== undefined && at > since && at <= now ? at : first.getTime();
}
