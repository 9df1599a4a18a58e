import type { Browser, BrowserContext, Page } from 'playwright-core';
import { chinaTime } from '../domain/time';
import type { AppServer } from '../server/src/app';
import { DEMO_PERSONAS, findDemoIdentity } from '../server/src/demo';
import { SIGN_IN_URL_PATH } from '../types';
import { seriousViolations } from './accessibility';
import { type BrowserApp, startBrowserApp } from './app';
import { phoneContext } from './browser';
import { h5Path } from './pages';
import { moveClock, publishActivity, readSignInCode as readCode } from './sign-in-code';

/**
 * Issue 10, in Chromium with a phone viewport against the H5 build and the built functions: staff publish an activity
 * and open its rotating sign-in code; a member who is not signed in opens the URL read off the screen, signs in and is
 * signed in to the activity; the functions' clock moves an hour; the member scans a fresh code and is signed out; staff
 * see the attendance. Every page is checked with axe-core.
 */
jest.setTimeout(180_000);

let app: AppServer;
let browser: Browser;
let running: BrowserApp;
const violations: string[] = [];
const HOUR = 3_600_000;

beforeAll(async () => {
  running = await startBrowserApp();
  ({ app, browser } = running);
});

afterAll(() => running?.close());

async function see(page: Page, text: string | RegExp): Promise<void> {
  await page.getByText(text).first().waitFor({ state: 'visible', timeout: 20_000 });
}

async function audit(page: Page): Promise<void> {
  violations.push(...(await seriousViolations(page)));
}

/** Picks a person on the demo sign-in page the browser is on, and waits to leave it. */
async function pickOnSignInPage(page: Page, openid: string): Promise<void> {
  await audit(page);
  await page
    .getByRole('button', { name: new RegExp(findDemoIdentity(openid)!.name) })
    .first()
    .click();
  await page.waitForURL((url) => !url.pathname.startsWith('/dev/login'));
}

async function signIn(openid: string, next: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await phoneContext(browser);
  const page = await context.newPage();
  await page.goto(`${app.url}/dev/login?next=${encodeURIComponent(next)}`);
  await pickOnSignInPage(page, openid);
  return { context, page };
}

test('publish an activity, show its code, sign in from the screen, time moves, sign out', async () => {
  // 1. Staff of C01 publish an activity that began five minutes ago and lasts two hours.
  const staff = await signIn(DEMO_PERSONAS.staff, h5Path('activities'));
  await see(staff.page, '发布活动');
  await audit(staff.page);
  await staff.page.getByRole('button', { name: '发布活动' }).click();
  await staff.page.locator('#activity-title').waitFor();
  await audit(staff.page);
  // The functions' clock first moves to 09:55 tomorrow (China time), so the window never crosses midnight.
  const morning = chinaTime(app.cloud.clock.now())
    .add(1, 'day')
    .startOf('day')
    .add(9 * 60 + 55, 'minute');
  await moveClock(app, morning.valueOf() - app.cloud.clock.now());
  const start = morning.subtract(5, 'minute');
  const end = start.add(2, 'hour');
  await publishActivity(staff.page, {
    title: '东街义务理发',
    place: '东街社区活动室',
    date: start.format('YYYY-MM-DD'),
    start: start.format('HH:mm'),
    end: end.format('HH:mm'),
    capacity: 20,
  });
  await audit(staff.page);

  // 2. Its code: the app server's own sign-in URL, with the activity's rotating code.
  await staff.page.getByRole('button', { name: '打开签到码' }).click();
  await see(staff.page, '秒后更换');
  await see(staff.page, '已签到0人');
  await audit(staff.page);
  const first = await readCode(staff.page);
  expect(first).toMatch(
    new RegExp(`^${app.url.replace(/[.]/g, '\\.')}${SIGN_IN_URL_PATH}\\?c=[\\w-]+\\.\\d+\\.[0-9a-f]{16}$`),
  );

  // 3. A member not signed in opens it: the demo sign-in first, then the sign-in page signs them in.
  const context = await phoneContext(browser);
  const member = await context.newPage();
  await member.goto(first);
  await member.waitForURL((url) => url.pathname.startsWith('/dev/login'));
  await pickOnSignInPage(member, DEMO_PERSONAS.memberCheckedIn);
  await see(member, '已签到');
  await see(member, '东街义务理发');
  await audit(member);

  // 4. An hour later (the functions' clock), the staff screen is opened again and the member scans a fresh code.
  await moveClock(app, HOUR);
  await staff.page.reload();
  await see(staff.page, '已签到1人');
  const later = await readCode(staff.page);
  expect(later).not.toBe(first);
  await member.goto(later);
  await see(member, /已签退，1(\.\d)?小时/);
  await audit(member);

  // 5. Staff see the attendance.
  await staff.page.goto(`${app.url}${h5Path('activities')}`);
  await staff.page
    .locator('.taro_page:visible .rb-card', { hasText: '东街义务理发' })
    .getByRole('button', { name: '签到情况' })
    .click();
  await see(staff.page, findDemoIdentity(DEMO_PERSONAS.memberCheckedIn)!.name);
  await audit(staff.page);

  expect(violations).toEqual([]);
});
