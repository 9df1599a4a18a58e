export interface MachineFacts {
  browserPath: string;
  /** CHROMIUM_PATH was set: the person chose a browser, so nothing is installed in its place. */
  browserPathFromEnv: boolean;
  browserPresent: boolean;
  chineseFontPresent: boolean;
  hasAptGet: boolean;
  /** How this process may install packages: as root, through passwordless sudo, or not at all. */
  privilege: 'root' | 'sudo' | 'none';
}

export type SetupPlan =
  | { kind: 'ready' }
  | { kind: 'install'; packages: string[]; commands: string[][] }
  | { kind: 'stop'; message: string }
  | { kind: 'warn'; message: string };

export const DEFAULT_BROWSER: string;
export function planBrowserSetup(facts: MachineFacts): SetupPlan;
