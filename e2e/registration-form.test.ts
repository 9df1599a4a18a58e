import type { Browser, Page } from 'playwright-core';
import type { AppServer } from '../server/src/app';
import { DEMO_PERSONAS } from '../server/src/demo';
import { seriousViolations } from './accessibility';
import { type BrowserApp, startBrowserApp } from './app';
import { MINE, REGISTER, answerDialog, dialogText, openAs, see } from './pages';

/** The registration form as a new user meets it: required fields, mistakes found for them, phones as people type them. */
jest.setTimeout(180_000);

let app: AppServer;
let browser: Browser;
let running: BrowserApp;

beforeAll(async () => {
  running = await startBrowserApp();
  ({ app, browser } = running);
});

afterAll(() => running?.close());

const VIEWPORT_HEIGHT = 844;

async function focusedId(page: Page): Promise<string> {
  return String(await page.evaluate('document.activeElement ? document.activeElement.id : ""'));
}

/** True when the whole control is on screen. */
async function onScreen(page: Page, selector: string): Promise<boolean> {
  const box = await page.locator(selector).boundingBox();
  return box !== null && box.y >= 0 && box.y + box.height <= VIEWPORT_HEIGHT;
}

test('an empty submit moves the focus to the first field in error, scrolled into view; required fields say so', async () => {
  const page = await openAs(app, browser, DEMO_PERSONAS.newcomer, REGISTER);
  await page.locator('#name').waitFor();
  for (const id of ['name', 'phone', 'unit', 'pledge']) {
    expect(await page.locator(`#${id}`).getAttribute('aria-required')).toBe('true');
    expect(await page.locator(`label[for="${id}"]`).textContent()).toContain('必填');
  }
  expect(await page.locator('#skills').getAttribute('aria-required')).toBeNull();

  await page.fill('#name', '');
  const submit = page.getByRole('button', { name: '提交注册' });
  await submit.scrollIntoViewIfNeeded();
  expect(await onScreen(page, '#name')).toBe(false);
  await submit.click();
  await page.waitForFunction('document.activeElement && document.activeElement.id === "name"', null, {
    timeout: 20_000,
  });
  expect(await onScreen(page, '#name')).toBe(true);
  expect(await page.locator('#name').getAttribute('aria-invalid')).toBe('true');
  await see(page, '请填写姓名');
  expect(await seriousViolations(page)).toEqual([]);

  // With the name filled in, the next submit goes to the phone.
  await page.fill('#name', '王小明');
  await submit.click();
  await page.waitForFunction('document.activeElement && document.activeElement.id === "phone"', null, {
    timeout: 20_000,
  });
  expect(await focusedId(page)).toBe('phone');
  await page.context().close();
});

test('a name too long is said while typing and never cut; a phone typed with +86, spaces and dashes is saved plain', async () => {
  const page = await openAs(app, browser, DEMO_PERSONAS.newcomer, REGISTER);
  await page.locator('#name').waitFor();
  const longName = '王'.repeat(30);
  await page.fill('#name', longName);
  expect(await page.inputValue('#name')).toBe(longName);
  await see(page, '姓名最多20个字，现在是30个字');

  await page.fill('#name', '王小明');
  await page.fill('#phone', '+86 139-1234 5678');
  expect(await page.inputValue('#phone')).toBe('+86 139-1234 5678');
  await page.selectOption('#unit', 'U01');
  await page.check('#willingness-0');
  await page.fill('#pledge', '每周为社区老人做一件实事');
  await page.getByRole('button', { name: '提交注册' }).click();
  await see(page, '已提交，等待单位党组织确认');

  await page.goto(`${app.url}${MINE}`);
  await page.locator('.taro_page:visible').getByText('13912345678').waitFor({ timeout: 20_000 });

  // Opened again, the form edits the registration: its button says so.
  await page.goto(`${app.url}${REGISTER}`);
  await page.locator('#name').waitFor();
  await page.getByRole('button', { name: '保存修改' }).waitFor({ timeout: 20_000 });
  expect(await page.getByRole('button', { name: '提交注册' }).count()).toBe(0);
  await page.context().close();
});

test('a confirmed member is told before saving that a new name needs confirmation again', async () => {
  const page = await openAs(app, browser, DEMO_PERSONAS.memberVerified, REGISTER);
  await page.locator('#name').waitFor();
  await see(page, '您的党员身份已经确认');
  const name = await page.inputValue('#name');
  await page.fill('#name', `${name}华`);
  await page.getByRole('button', { name: '保存修改' }).click();
  expect(await dialogText(page)).toContain('需要单位党组织重新确认');
  await answerDialog(page, '再看看');
  // Nothing was saved: the form is still there with the change, and the member is still confirmed.
  expect(await page.inputValue('#name')).toBe(`${name}华`);
  await page.goto(`${app.url}${MINE}`);
  await page.locator('.taro_page:visible').getByText('已确认').first().waitFor({ timeout: 20_000 });
  await page.context().close();
});
