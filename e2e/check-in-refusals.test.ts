import type { Browser } from 'playwright-core';
import type { AppServer } from '../server/src/app';
import { DEMO_PERSONAS } from '../server/src/demo';
import { seriousViolations } from './accessibility';
import { type BrowserApp, startBrowserApp } from './app';
import { phoneContext } from './browser';
import { CHECK_IN, REGISTER, answerDialog, dialogText, openAs, see, seeHeading } from './pages';

/**
 * What people who may not check in see when they open a community's check-in URL: their state and what to do
 * instead of a 报到 button that would only fail; and a member who moved is asked before the check-in moves.
 */
jest.setTimeout(120_000);

let app: AppServer;
let browser: Browser;
let running: BrowserApp;

beforeAll(async () => {
  running = await startBrowserApp();
  ({ app, browser } = running);
});

afterAll(() => running?.close());

const checkInButton = '报到';

test.each([
  [
    'a member still waiting for confirmation',
    DEMO_PERSONAS.memberUnverified,
    ['等待单位党组织确认', '县委办公室党组织确认您的党员身份后'],
  ],
  ['a member the unit refused', DEMO_PERSONAS.memberRejected, ['单位党组织未确认您的党员身份', '如果有误，请联系']],
])('%s sees their state and whom to ask, and no 报到 button', async (_label, openid, texts) => {
  const page = await openAs(app, browser, openid, `${CHECK_IN}?scene=C01`);
  for (const text of texts) await see(page, text);
  expect(await page.getByRole('button', { name: checkInButton, exact: true }).count()).toBe(0);
  expect(await seriousViolations(page)).toEqual([]);
  await page.context().close();
});

test('a refused member is told when the unit decided and who did', async () => {
  const page = await openAs(app, browser, DEMO_PERSONAS.memberRejected, `${CHECK_IN}?scene=C01`);
  await see(page, /党组织于\d{4}年\d{1,2}月\d{1,2}日未确认您的党员身份（经办人：.+）/);
  await page.context().close();
});

test('a refused member is shown the decision instead of a registration form that would be refused', async () => {
  const page = await openAs(app, browser, DEMO_PERSONAS.memberRejected, REGISTER);
  await see(page, '如果有误，请联系');
  expect(await page.locator('#name').count()).toBe(0);
  expect(await page.getByRole('button', { name: /提交注册|保存修改/ }).count()).toBe(0);
  await page.context().close();
});

test('a code that names no community says so', async () => {
  const page = await openAs(app, browser, DEMO_PERSONAS.memberVerified, `${CHECK_IN}?scene=C99`);
  await page.getByRole('alert').filter({ hasText: '找不到这个社区' }).first().waitFor({ timeout: 20_000 });
  expect(await page.getByRole('button', { name: checkInButton, exact: true }).count()).toBe(0);
  expect(await seriousViolations(page)).toEqual([]);
  await page.context().close();
});

test('a resident who never registered is sent to registration instead of a 报到 button', async () => {
  const page = await openAs(app, browser, DEMO_PERSONAS.resident, `${CHECK_IN}?scene=C02`);
  await see(page, '请先注册为在职党员');
  expect(await page.getByRole('button', { name: checkInButton, exact: true }).count()).toBe(0);
  expect(await seriousViolations(page)).toEqual([]);
  await page.context().close();
});

test('转到本社区 asks first, naming both communities; 取消 changes nothing, 确定转入 moves the check-in', async () => {
  // The member is checked in at C01 (城关镇东街社区) and opens C02's code.
  const page = await openAs(app, browser, DEMO_PERSONAS.memberCheckedIn, `${CHECK_IN}?scene=C02`);
  await seeHeading(page, '城关镇西街社区');
  await see(page, '您已在城关镇东街社区报到');
  const transfer = page.getByRole('button', { name: '转到本社区' });

  await transfer.click();
  const question = await dialogText(page);
  expect(question).toContain('「城关镇东街社区」');
  expect(question).toContain('「城关镇西街社区」');
  expect(await seriousViolations(page)).toEqual([]);
  await answerDialog(page, '取消');
  await page.reload();
  await see(page, '您已在城关镇东街社区报到');

  await transfer.click();
  await dialogText(page);
  await answerDialog(page, '确定转入');
  await see(page, '已从「城关镇东街社区」转到本社区');
  await page.context().close();
});

test('without a session the app sends the browser to the sign-in page, keeping where it was going', async () => {
  const context = await phoneContext(browser);
  const page = await context.newPage();
  await page.goto(`${app.url}${CHECK_IN}?scene=C01`);
  await page.waitForURL((url) => url.pathname === '/dev/login', { timeout: 20_000 });
  expect(new URL(page.url()).searchParams.get('next')).toBe('/#/pages/check-in/index?scene=C01');
  await context.close();
});
