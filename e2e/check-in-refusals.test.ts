import type { Browser, Page } from 'playwright-core';
import type { AppServer } from '../server/src/app';
import { DEMO_PERSONAS } from '../server/src/demo-data';
import { SESSION_COOKIE } from '../server/src/session';
import { seriousViolations } from './accessibility';
import { type BrowserApp, startBrowserApp } from './app';
import { phoneContext } from './browser';

/** What people who may not check in see when they open a community's check-in URL: a clear Chinese message. */
jest.setTimeout(120_000);

let app: AppServer;
let browser: Browser;
let running: BrowserApp;

beforeAll(async () => {
  running = await startBrowserApp();
  ({ app, browser } = running);
});

afterAll(() => running?.close());

async function openAs(openid: string, path: string): Promise<Page> {
  const context = await phoneContext(browser);
  await context.addCookies([{ name: SESSION_COOKIE, value: app.sessionFor(openid), url: app.url }]);
  const page = await context.newPage();
  await page.goto(`${app.url}${path}`);
  return page;
}

test.each([
  ['a member still waiting for confirmation', DEMO_PERSONAS.memberUnverified, 'C01', '等待单位党组织确认'],
  ['a member the unit refused', DEMO_PERSONAS.memberRejected, 'C01', '单位党组织未确认'],
  ['anyone, with a code that names no community', DEMO_PERSONAS.memberVerified, 'C99', '找不到这个社区'],
])('%s', async (_label, openid, scene, message) => {
  const page = await openAs(openid, `/#/pages/check-in/index?scene=${scene}`);
  const button = page.getByRole('button', { name: '报到', exact: true });
  if (scene !== 'C99') await button.click();
  await page.getByRole('alert').filter({ hasText: message }).first().waitFor({ timeout: 20_000 });
  expect(await seriousViolations(page)).toEqual([]);
  await page.context().close();
});

test('a resident who never registered is sent to registration instead of a 报到 button', async () => {
  const page = await openAs(DEMO_PERSONAS.resident, '/#/pages/check-in/index?scene=C02');
  await page.getByText('请先注册为在职党员').first().waitFor({ timeout: 20_000 });
  expect(await page.getByRole('button', { name: '报到', exact: true }).count()).toBe(0);
  expect(await seriousViolations(page)).toEqual([]);
  await page.context().close();
});

test('without a session the app sends the browser to the sign-in page, keeping where it was going', async () => {
  const context = await phoneContext(browser);
  const page = await context.newPage();
  await page.goto(`${app.url}/#/pages/check-in/index?scene=C01`);
  await page.waitForURL((url) => url.pathname === '/dev/login', { timeout: 20_000 });
  expect(decodeURIComponent(new URL(page.url()).searchParams.get('next') ?? '')).toContain('scene=C01');
  await context.close();
});
