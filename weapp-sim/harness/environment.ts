import { installDom } from './dom';
import { Pending } from './pending';
import { Problems } from './problems';

const GLOBAL_NAMES = ['wx', 'App', 'Page', 'Component', 'Behavior', 'getApp', 'getCurrentPages'] as const;

/** What a launch puts in place around the app: a browser, strict problem capture, counted timers, WeChat's globals. */
export interface Environment {
  problems: Problems;
  pending: Pending;
  globals: Record<string, unknown>;
  /** Puts everything back as it was; returns the problems recorded. */
  restore(): string[];
}

export function installEnvironment(): Environment {
  const globals = globalThis as Record<string, unknown>;
  const saved = new Map(GLOBAL_NAMES.map((name) => [name, globals[name]]));
  const problems = new Problems();
  const restoreDom = installDom();
  const pending = new Pending();
  return {
    problems,
    pending,
    globals,
    restore() {
      for (const [name, value] of saved) {
        if (value === undefined) delete globals[name];
        else globals[name] = value;
      }
      pending.stop();
      restoreDom();
      return problems.stop();
    },
  };
}
