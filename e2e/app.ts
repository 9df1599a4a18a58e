import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import type { ActionName, CallResult, FunctionName, RequestOf, ResponseOf } from '../types';
import { type AppServer, startAppServer } from '../server/src/app';
import { launchChromium } from './browser';

export interface BrowserApp {
  app: AppServer;
  browser: Browser;
  close(): Promise<void>;
}

/**
 * The app server (demo data, built functions, H5 build, the demo sign-in) in its own data folder, and Chromium to
 * drive it.
 */
export async function startBrowserApp(): Promise<BrowserApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'rb-e2e-'));
  const app = await startAppServer({ dataDir, devLogin: true, log: () => undefined });
  const browser = await launchChromium().catch(async (error: unknown) => {
    await app.close();
    throw error;
  });
  return {
    app,
    browser,
    close: async () => {
      await browser.close();
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Calls a function as `openid` straight on the local cloud (setting a scene, not what a test is about). */
export async function invokeAs<F extends FunctionName, A extends ActionName<F>>(
  app: AppServer,
  openid: string,
  fn: F,
  action: A,
  data: RequestOf<F, A>,
): Promise<ResponseOf<F, A>> {
  const { outcome } = await app.cloud.invoke(fn, { action, data }, { openid });
  if (!outcome.ok) throw new Error(outcome.errMsg);
  const result = outcome.result as CallResult<ResponseOf<F, A>>;
  if (!result.ok) throw new Error(`${fn}.${action} refused: ${result.code}`);
  return result.data;
}
