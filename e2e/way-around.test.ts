import type { Browser } from 'playwright-core';
import { ERRORS } from '../types';
import type { AppServer } from '../server/src/app';
import { DEMO_PERSONAS, findDemoIdentity } from '../server/src/demo';
import { seriousViolations } from './accessibility';
import { type BrowserApp, startBrowserApp } from './app';
import { phoneContext } from './browser';
import {
  CHECK_IN,
  COMMUNITY_QR,
  HOME,
  MINE,
  MY_DATA,
  NOT_CHECKED_IN,
  ORDERS,
  POSTS,
  REGISTER,
  UNIT_MEMBERS,
  heading,
  openAs,
  seeHeading,
  phoneAs,
  see,
  uncaughtErrors,
} from './pages';

/**
 * Getting around in the browser build as a new user would: a scanned code survives the sign-in, every page has a way
 * back or home, a page that is not for the person says so, and an unknown or malformed address says 页面不存在.
 */
jest.setTimeout(180_000);

let app: AppServer;
let browser: Browser;
let running: BrowserApp;

beforeAll(async () => {
  running = await startBrowserApp();
  ({ app, browser } = running);
});

afterAll(() => running?.close());

test('signed out, a scanned community code leads through the sign-in page and back to that community', async () => {
  const context = await phoneContext(browser);
  const page = await context.newPage();
  await page.goto(`${app.url}${CHECK_IN}?scene=C04`);
  await page.waitForURL((url) => url.pathname === '/dev/login', { timeout: 20_000 });
  const name = findDemoIdentity(DEMO_PERSONAS.memberVerified)!.name;
  await page
    .getByRole('button', { name: new RegExp(name) })
    .first()
    .click();
  await page.waitForURL((url) => url.hash.startsWith('#/pages/check-in/index'), { timeout: 20_000 });
  expect(new URL(page.url()).hash).toBe('#/pages/check-in/index?scene=C04');
  await seeHeading(page, '城关镇北关社区');
  await page.getByRole('button', { name: '报到', exact: true }).waitFor({ timeout: 20_000 });
  await context.close();
});

const PAGES_OUTSIDE_THE_TAB_BAR: Array<[string, string, string]> = [
  ['the check-in page', DEMO_PERSONAS.memberVerified, `${CHECK_IN}?scene=C01`],
  ['the check-in page without a scene', DEMO_PERSONAS.memberVerified, CHECK_IN],
  ['the registration form', DEMO_PERSONAS.newcomer, REGISTER],
  ['我的信息', DEMO_PERSONAS.memberCheckedIn, MY_DATA],
  ['the staff QR page', DEMO_PERSONAS.staff, COMMUNITY_QR],
  ['the unit admin’s confirmation page', DEMO_PERSONAS.unitAdmin, UNIT_MEMBERS],
  ['the unit admin’s not-checked-in page', DEMO_PERSONAS.unitAdmin, NOT_CHECKED_IN],
  ['the staff QR page opened by a member', DEMO_PERSONAS.memberVerified, COMMUNITY_QR],
  ['a unit admin page opened by a resident', DEMO_PERSONAS.resident, UNIT_MEMBERS],
  ['an unknown page', DEMO_PERSONAS.resident, '/#/pages/nope/index'],
];

test.each(PAGES_OUTSIDE_THE_TAB_BAR)('%s has 回到首页, and it goes home', async (_label, openid, path) => {
  const page = await phoneAs(app, browser, openid);
  const errors = uncaughtErrors(page);
  await page.goto(`${app.url}${path}`);
  await heading(page);
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('navigation', { name: '页面导航' }).getByRole('link', { name: '回到首页' }).click();
  await page.waitForURL((url) => url.hash.startsWith('#/pages/index/index'), { timeout: 20_000 });
  await see(page, /^身份：/);
  expect(errors).toEqual([]);
  await page.context().close();
});

test.each([
  ['首页', HOME],
  ['我的', MINE],
  ['岗位', POSTS],
  ['点单', ORDERS],
])('the tab page %s has the tab bar', async (label, path) => {
  const page = await openAs(app, browser, DEMO_PERSONAS.memberCheckedIn, path);
  await heading(page);
  const tabBar = page.getByRole('navigation', { name: '主菜单' });
  await tabBar.waitFor({ timeout: 20_000 });
  expect(await tabBar.getByText(label).isVisible()).toBe(true);
  await page.context().close();
});

test('a page opened from another one has 返回, which goes back to it', async () => {
  const page = await openAs(app, browser, DEMO_PERSONAS.unitAdmin, HOME);
  await page.getByRole('link', { name: /党员身份确认/ }).click();
  await page.waitForURL(/unit-admin\/members/);
  await seeHeading(page, '党员身份确认');
  await page.getByRole('navigation', { name: '页面导航' }).getByRole('link', { name: /返回/ }).click();
  await page.waitForURL((url) => url.hash.startsWith('#/pages/index/index'), { timeout: 20_000 });
  await see(page, /^身份：/);
  await page.context().close();
});

test.each([
  ['a member opening the staff QR page', DEMO_PERSONAS.memberVerified, COMMUNITY_QR],
  ['a resident opening the unit admin’s confirmation page', DEMO_PERSONAS.resident, UNIT_MEMBERS],
  ['a resident opening the not-checked-in page', DEMO_PERSONAS.resident, NOT_CHECKED_IN],
])('%s is told plainly that the page is not for them', async (_label, openid, path) => {
  const page = await openAs(app, browser, openid, path);
  await page.getByRole('alert').filter({ hasText: ERRORS.PAGE_NOT_FOR_YOU }).waitFor({ timeout: 20_000 });
  expect(await page.getByText(ERRORS.FORBIDDEN).count()).toBe(0);
  expect(await page.getByRole('button', { name: '重试' }).count()).toBe(0);
  await page.context().close();
});

test.each([
  ['an unknown page', '/#/pages/nope/index'],
  ['a malformed address', '/#/%%%'],
  ['a malformed address with a query', '/#/%E4%B8?scene=C01'],
])('%s shows 页面不存在, with no uncaught error', async (_label, path) => {
  const page = await phoneAs(app, browser, DEMO_PERSONAS.resident);
  const errors = uncaughtErrors(page);
  await page.goto(`${app.url}${path}`);
  await seeHeading(page, '页面不存在');
  expect(new URL(page.url()).hash).toBe('#/pages/not-found/index');
  expect(await seriousViolations(page)).toEqual([]);
  expect(errors).toEqual([]);
  await page.context().close();
});

test('an address mistyped while the app is open shows 页面不存在 too', async () => {
  const page = await phoneAs(app, browser, DEMO_PERSONAS.resident);
  const errors = uncaughtErrors(page);
  await page.goto(`${app.url}${HOME}`);
  await see(page, /^身份：/);
  // Typed into the address bar: the hash changes while the app runs.
  await page.evaluate("location.hash = '#/%%%'");
  await page.waitForURL((url) => url.hash === '#/pages/not-found/index', { timeout: 20_000 });
  await seeHeading(page, '页面不存在');
  expect(errors).toEqual([]);
  await page.context().close();
});

test('a page that could not load (no network) offers 重试, which loads it', async () => {
  const page = await phoneAs(app, browser, DEMO_PERSONAS.memberCheckedIn);
  await page.route('**/api/**', (route) => route.abort('internetdisconnected'));
  await page.goto(`${app.url}${HOME}`);
  await page.getByRole('alert').filter({ hasText: '网络不太好' }).waitFor({ timeout: 20_000 });
  await page.unroute('**/api/**');
  await page.getByRole('button', { name: '重试' }).click();
  await see(page, /^身份：/);
  expect(await page.getByRole('button', { name: '重试' }).count()).toBe(0);
  await page.context().close();
});

test('首页 puts the unit admin’s own work first, with how many wait for confirmation', async () => {
  const page = await openAs(app, browser, DEMO_PERSONAS.unitAdmin, HOME);
  await see(page, /^等待您确认\d+人$/);
  const titles = await page.locator('.taro_page:visible .rb-card .rb-title').allTextContents();
  expect(titles[0]).toMatch(/^单位党组织/);
  expect(titles.indexOf('在职党员')).toBeGreaterThan(0);
  await page.context().close();
});

test('the app asks who the person is once: opening 首页 and going to 我的 and back call user.getMe one time', async () => {
  const page = await phoneAs(app, browser, DEMO_PERSONAS.memberCheckedIn);
  const asked: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/api/user') && request.postData()?.includes('"getMe"')) asked.push(request.url());
  });
  await page.goto(`${app.url}${HOME}`);
  await see(page, '在职党员');
  const tabBar = page.getByRole('navigation', { name: '主菜单' });
  await tabBar.getByText('我的').click();
  await seeHeading(page, '我的');
  await tabBar.getByText('首页').click();
  await see(page, '在职党员');
  expect(asked).toHaveLength(1);
  await page.context().close();
});
