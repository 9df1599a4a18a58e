import type { Browser } from 'playwright-core';
import type { AppServer } from '../server/src/app';
import { DEMO_PERSONAS, findDemoIdentity } from '../server/src/demo';
import { SESSION_COOKIE } from '../server/src/session';
import { SERVICE_CARD_NO } from '../domain/service-card';
import { seriousViolations } from './accessibility';
import { type BrowserApp, startBrowserApp } from './app';
import { phoneContext } from './browser';
import { HOME, MINE, UNIT_MEMBERS, answerDialog, dialogText, openAs, see, seeHeading } from './pages';

/** A member's own data: 我的信息 shows all of it and deletes it; 退出登录 ends the session. */
jest.setTimeout(180_000);

let app: AppServer;
let browser: Browser;
let running: BrowserApp;

beforeAll(async () => {
  running = await startBrowserApp();
  ({ app, browser } = running);
});

afterAll(() => running?.close());

async function deletedRows(): Promise<number> {
  const page = await openAs(app, browser, DEMO_PERSONAS.unitAdmin, UNIT_MEMBERS);
  await see(page, '等待确认');
  const count = await page.locator('.taro_page:visible .rb-list__item', { hasText: '已注销的党员' }).count();
  await page.context().close();
  return count;
}

test('我的信息 shows what is kept about the member; deleting it asks first, then the unit admin sees 已注销', async () => {
  const member = findDemoIdentity(DEMO_PERSONAS.memberCheckedIn)!;
  const deletedBefore = await deletedRows();

  const page = await openAs(app, browser, member.openid, MINE);
  await page
    .locator('.taro_page:visible')
    .getByRole('link', { name: /我的信息/ })
    .click();
  await page.waitForURL(/pages\/my-data\/index/);
  await seeHeading(page, '我的信息');
  const shown = page.locator('.taro_page:visible');
  await shown.getByText(member.name).first().waitFor({ timeout: 20_000 });
  for (const text of ['在职党员登记', '县委办公室', '城关镇东街社区', '报到记录', '操作记录', '确认了党员身份']) {
    await shown.getByText(text).first().waitFor();
  }
  expect((await shown.locator('.rb-service-card-no').first().textContent())?.trim()).toMatch(SERVICE_CARD_NO);
  expect(await shown.getByText(/^1[3-9]\d{9}$/).count()).toBeGreaterThan(0);
  await see(page, '统计数字仍然准确');
  expect(await seriousViolations(page)).toEqual([]);

  const remove = page.getByRole('button', { name: '删除我的个人信息' });
  await remove.click();
  expect(await dialogText(page)).toContain('删除后不能恢复');
  await answerDialog(page, '取消');
  await page.reload();
  await shown.getByText(member.name).first().waitFor({ timeout: 20_000 });

  await remove.click();
  await dialogText(page);
  await answerDialog(page, '删除');
  await see(page, '已删除您的个人信息');
  expect(await seriousViolations(page)).toEqual([]);

  // Opened again, nothing of the member is left; the unit admin's list has one more anonymous row.
  await page.reload();
  await seeHeading(page, '我的信息');
  await see(page, '这里列出本系统保存的关于您的全部信息');
  expect(await shown.getByText(member.name).count()).toBe(0);
  expect(await page.getByRole('button', { name: '删除我的个人信息' }).count()).toBe(0);
  await page.context().close();
  expect(await deletedRows()).toBe(deletedBefore + 1);
});

test('退出登录 ends the session: the app asks to sign in again, and a copy of the old cookie is refused', async () => {
  const cookie = app.sessionFor(DEMO_PERSONAS.memberVerified);
  const context = await phoneContext(browser);
  await context.addCookies([{ name: SESSION_COOKIE, value: cookie, url: app.url }]);
  const page = await context.newPage();
  await page.goto(`${app.url}${MINE}`);
  const mine = page.locator('.taro_page:visible');
  expect(await mine.getByRole('link', { name: /切换身份/ }).getAttribute('href')).toBe('/dev/login?next=%2F');
  await mine.getByRole('button', { name: '退出登录' }).click();
  await page.waitForURL((url) => url.pathname === '/dev/login', { timeout: 20_000 });

  await page.goto(`${app.url}${HOME}`);
  await page.waitForURL((url) => url.pathname === '/dev/login', { timeout: 20_000 });
  await context.close();

  const copied = await phoneContext(browser);
  await copied.addCookies([{ name: SESSION_COOKIE, value: cookie, url: app.url }]);
  const response = await copied.request.post(`${app.url}/api/user`, {
    data: { action: 'getMe', data: {} },
    headers: { 'content-type': 'application/json' },
  });
  expect(response.status()).toBe(401);
  await copied.close();
});
