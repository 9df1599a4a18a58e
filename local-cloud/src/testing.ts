import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type LocalCloud, type LocalCloudOptions, startLocalCloud } from './index';

/** The real wx-server-sdk, as a cloud function would load it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Sdk = any;

export interface TestCloud {
  cloud: LocalCloud;
  sdk: Sdk;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  db: any;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  _: any;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  $: any;
  dataDir: string;
  close: () => Promise<void>;
}

/**
 * Starts a local cloud on a free port with its own data folder and points the caller's wx-server-sdk at it, exactly as
 * the runner does for a function (TCB_CONTEXT_CNFG, TENCENTCLOUD_RUNENV=SCF, a dummy secret). The functions it runs
 * come from `options.functionsDir` (none by default).
 */
export async function startTestCloud(options: Partial<LocalCloudOptions> = {}): Promise<TestCloud> {
  const dataDir = mkdtempSync(join(tmpdir(), 'local-cloud-test-'));
  const cloud = await startLocalCloud({ dataDir, ...options });
  Object.assign(process.env, cloud.sdkEnvironment());
  // Loaded only now, after the environment points it here (wx-server-sdk is the caller's own dependency).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const sdk = require('wx-server-sdk') as Sdk;
  sdk.init({ env: sdk.DYNAMIC_CURRENT_ENV });
  const db = sdk.database();
  return {
    cloud,
    sdk,
    db,
    _: db.command,
    $: db.command.aggregate,
    dataDir,
    close: async () => {
      await cloud.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The error a promise rejects with (fails the test when it resolves). */
export async function rejection(
  promise: Promise<unknown>,
): Promise<{ errCode?: number; errMsg?: string; code?: string; message?: string }> {
  try {
    await promise;
  } catch (error) {
    return error as { errCode?: number; errMsg?: string };
  }
  throw new Error('expected the promise to reject, but it resolved');
}

/** One admin API call on the wire, as the SDK would send it (for actions the SDK cannot make, or to see raw codes). */
export async function adminCall(
  cloud: LocalCloud,
  action: string,
  fields: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const response = await fetch(`${cloud.url}/admin?env=${cloud.env}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ action, envName: cloud.env, ...fields }),
  });
  if (response.status !== 200) throw new Error(`admin API answered HTTP ${response.status}`);
  return (await response.json()) as Record<string, unknown>;
}
