import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { AppServer } from '../server/src/app';
import { DEMO_PERSONAS, findDemoIdentity } from '../server/src/demo';
import { SERVICE_CARD_NO } from '../domain/service-card';
import { seriousViolations } from './accessibility';
import { type BrowserApp, startBrowserApp } from './app';
import { phoneContext } from './browser';
import { COMMUNITY_QR, NOT_CHECKED_IN, REGISTER, UNIT_MEMBERS } from './pages';

/**
 * The first flow end to end, in Chromium with a phone viewport, against the H5 build served by the local app server
 * (real cloud functions, real wx-server-sdk, local cloud): register → unit admin confirms → staff shows the QR code →
 * the member opens the code's URL and checks in → the unit admin's "not checked in" list loses the member.
 * Every page visited is checked with axe-core; a serious or critical violation fails the test.
 */
jest.setTimeout(180_000);

let app: AppServer;
let browser: Browser;
let running: BrowserApp;
const violations: string[] = [];
const newcomer = findDemoIdentity(DEMO_PERSONAS.newcomer)!;

beforeAll(async () => {
  running = await startBrowserApp();
  ({ app, browser } = running);
});

afterAll(() => running?.close());

/** Waits for `text` to be visible on the page. */
async function see(page: Page, text: string | RegExp): Promise<void> {
  await page.getByText(text).first().waitFor({ state: 'visible', timeout: 20_000 });
}

async function audit(page: Page): Promise<void> {
  violations.push(...(await seriousViolations(page)));
}

/** A person's own phone: signs in on the dev sign-in page (checked too) and lands on `next`. */
async function signIn(openid: string, next: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await phoneContext(browser);
  const page = await context.newPage();
  await page.goto(`${app.url}/dev/login?next=${encodeURIComponent(next)}`);
  await audit(page);
  const name = findDemoIdentity(openid)!.name;
  await page
    .getByRole('button', { name: new RegExp(name) })
    .first()
    .click();
  await page.waitForURL((url) => !url.pathname.startsWith('/dev/login'));
  return { context, page };
}

function decodeQr(dataUrl: string): string {
  const png = PNG.sync.read(Buffer.from(dataUrl.replace(/^data:image\/png;base64,/, ''), 'base64'));
  const code = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  if (!code) throw new Error('the QR image on the staff page does not decode');
  return code.data;
}

test('register, confirm, scan the community code, check in, leave the not-checked-in list', async () => {
  // 1. A newcomer registers as an in-service Party member of unit U01.
  const member = await signIn(DEMO_PERSONAS.newcomer, REGISTER);
  await member.page.locator('#name').waitFor();
  await audit(member.page);
  await member.page.fill('#name', newcomer.name);
  await member.page.fill('#phone', '13912345678');
  await member.page.selectOption('#unit', 'U01');
  await member.page.fill('#skills', '电工、摄影');
  await member.page.check('#willingness-0');
  await member.page.fill('#pledge', '每周为社区老人做一件实事');
  await member.page.check('#pledge-public');
  await member.page.getByRole('button', { name: '提交注册' }).click();
  await see(member.page, '已提交，等待单位党组织确认');
  await audit(member.page);

  // 2. U01's admin sees them among members not checked in, then confirms them.
  const admin = await signIn(DEMO_PERSONAS.unitAdmin, NOT_CHECKED_IN);
  await see(admin.page, '尚未报到');
  await see(admin.page, newcomer.name);
  await audit(admin.page);
  await admin.page.goto(`${app.url}${UNIT_MEMBERS}`);
  const row = admin.page.locator('.rb-list__item', { hasText: newcomer.name });
  await row.waitFor();
  await audit(admin.page);
  await row.getByText('确认是本单位党员').click();
  await row.waitFor({ state: 'detached', timeout: 20_000 });

  // 3. Staff of C01 open the community QR page; the code decodes to the check-in URL with the community's scene.
  const staff = await signIn(DEMO_PERSONAS.staff, COMMUNITY_QR);
  const image = staff.page.locator('img.rb-qr-image');
  await image.waitFor();
  await audit(staff.page);
  const target = decodeQr((await image.getAttribute('src')) ?? '');
  expect(target).toBe(`${app.publicUrl}/#/pages/check-in/index?scene=C01`);

  // 4. The member opens that URL, checks in, and sees 已报到 with the 活动证 number; a second scan shows the same.
  await member.page.goto(target);
  const checkInButton = member.page.getByRole('button', { name: '报到', exact: true });
  await checkInButton.waitFor();
  await audit(member.page);
  await checkInButton.click();
  await see(member.page, '已报到');
  const cardNo = (await member.page.locator('.rb-service-card-no').first().textContent())?.trim();
  expect(cardNo).toMatch(SERVICE_CARD_NO);
  await audit(member.page);
  await member.page.goto(`${app.url}/`);
  await member.page.goto(target);
  await see(member.page, '已报到');
  expect((await member.page.locator('.rb-service-card-no').first().textContent())?.trim()).toBe(cardNo);
  expect(await member.page.getByRole('button', { name: '报到', exact: true }).count()).toBe(0);

  // 5. The unit admin's list of members not checked in no longer has them.
  await admin.page.goto(`${app.url}${NOT_CHECKED_IN}`);
  await admin.page.reload();
  await see(admin.page, '尚未报到');
  await admin.page.locator('.rb-list__item').first().waitFor();
  expect(await admin.page.locator('.rb-list__item', { hasText: newcomer.name }).count()).toBe(0);

  // The member's own pages show the card: 回到首页 from the check-in page, then 我的 through the tab bar.
  await member.page.getByRole('link', { name: /回到首页/ }).click();
  await member.page.waitForURL(/pages\/index\/index/);
  await member.page.locator('.taro_page:visible').getByText(cardNo!).first().waitFor({ timeout: 20_000 });
  await audit(member.page);
  await member.page.getByRole('navigation').getByText('我的').click();
  await member.page.waitForURL(/pages\/mine\/index/);
  await member.page.locator('.taro_page:visible').getByText(cardNo!).first().waitFor({ timeout: 20_000 });
  await audit(member.page);

  expect(violations).toEqual([]);
});
