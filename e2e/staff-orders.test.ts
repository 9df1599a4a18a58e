import type { Browser, Page } from 'playwright-core';
import type { AppServer } from '../server/src/app';
import { DEMO_PERSONAS } from '../server/src/demo';
import { chinaTime } from '../domain/time';
import { seriousViolations } from './accessibility';
import { type BrowserApp, invokeAs, startBrowserApp } from './app';
import { answerDialog, h5Path, openAs, see, seeHeading, visible } from './pages';

/**
 * Staff's request pages in Chromium with a phone viewport against the H5 build: staff post a request for a resident
 * without a smartphone (代居民点单), find it under 已发布 in 居民需求, see it on the staff home's counts and on 待督办需求
 * once it has waited 48 hours; the member sees it on 社区公示 without the resident's phone or door; 订阅每日待办提醒
 * asks first. axe on every page, and each page is read again with the text twice as large: nothing runs off the side.
 */
jest.setTimeout(180_000);

let app: AppServer;
let browser: Browser;
let running: BrowserApp;
const violations: string[] = [];
const TEXT = '家里厨房水龙头漏水，想请人帮忙换一个';
const PHONE = '13966660123';
const HOUR = 3_600_000;

beforeAll(async () => {
  running = await startBrowserApp();
  ({ app, browser } = running);
});

afterAll(() => running?.close());

async function audit(page: Page): Promise<void> {
  violations.push(...(await seriousViolations(page)));
}

/** With the root text twice as large (关怀模式 in the browser), the page is no wider than the phone. */
async function fitsWithLargeText(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => {
    document.documentElement.style.fontSize = '200%';
    const { scrollWidth, clientWidth } = document.documentElement;
    const wide = scrollWidth - clientWidth;
    document.documentElement.style.fontSize = '';
    return wide;
  });
  expect(overflow).toBeLessThanOrEqual(0);
}

test('staff post a request for a resident, find it, and see it escalate; the board shows it without contact', async () => {
  const staffId = DEMO_PERSONAS.staff;
  const memberId = DEMO_PERSONAS.memberCheckedIn;
  const wantedDay = chinaTime(app.cloud.clock.now()).add(3, 'day').format('YYYY-MM-DD');

  // 1. 代居民点单: the contact, the request, a wanted day and time; published at once and marked as posted by staff.
  const form = await openAs(app, browser, staffId, h5Path('orderOnBehalf'));
  await seeHeading(form, '代居民点单');
  await see(form, '提交后直接发布给本社区的党员');
  await audit(form);
  await fitsWithLargeText(form);
  await visible(form).getByRole('button', { name: '代居民发布需求' }).click();
  await see(form, '有几项需要修改，请查看红字提示');
  await see(form, '请填写姓名');
  await form.fill('#name', '赵奶奶');
  await form.fill('#phone', PHONE);
  await form.fill('#compound', '幸福小区');
  await form.fill('#building', '7栋');
  await form.fill('#unit', '1单元');
  await form.fill('#room', '9807');
  await form.selectOption('#kind', '维修');
  await form.fill('#text', TEXT);
  await form.fill('#date', wantedDay);
  await form.fill('#time', '10:00');
  await audit(form);
  await visible(form).getByRole('button', { name: '代居民发布需求' }).click();
  await form.waitForURL(/orders\/detail\/index\?id=/, { timeout: 20_000 });
  const published = await invokeAs(app, staffId, 'order', 'listForStaff', { filter: 'published', limit: 50 });
  const order = published.items.find((item) => item.text === TEXT);
  expect(order).toMatchObject({ kind: '维修', compound: '幸福小区', status: 'published' });
  expect(order?.onBehalfOf).not.toBeNull();

  // 2. 居民需求: 待审核 first; 已发布 lists it, marked as posted for the resident, with a way to its detail.
  const list = await openAs(app, browser, staffId, h5Path('staffOrders'));
  await seeHeading(list, '居民需求');
  await visible(list).getByRole('button', { name: '已发布' }).click();
  await see(list, TEXT);
  await see(list, '代居民点单');
  expect(await visible(list).getByRole('button', { name: '已发布' }).getAttribute('aria-pressed')).toBe('true');
  await audit(list);
  await fitsWithLargeText(list);

  // 3. Two days later it is on 待督办需求, with why and how long, and counted on the staff home.
  app.cloud.clock.advance(49 * HOUR);
  const escalated = await openAs(app, browser, staffId, h5Path('escalatedOrders'));
  await seeHeading(escalated, '待督办需求');
  await see(escalated, TEXT);
  await see(escalated, /发布超过48小时无人领办：已发布2天/);
  await audit(escalated);
  await fitsWithLargeText(escalated);

  const home = await openAs(app, browser, staffId, h5Path('staffHome'));
  await seeHeading(home, '社区工作台');
  await see(home, /需要督办\d+条/);
  await audit(home);
  await fitsWithLargeText(home);
  // 订阅每日待办提醒 asks first (a dialog in the browser build), then says what was kept.
  await visible(home).getByRole('button', { name: '订阅每日待办提醒' }).click();
  await answerDialog(home, '提醒我');
  await see(home, '已订阅。');

  // 4. 社区公示 for the member: the request with its 小区, never the resident's phone or door.
  const board = await openAs(app, browser, memberId, h5Path('board'));
  await seeHeading(board, '社区公示');
  await see(board, TEXT);
  await see(board, '本月办结');
  const text = (await visible(board).textContent()) ?? '';
  expect(text).not.toContain(PHONE);
  expect(text).not.toContain('9807');
  expect(text).not.toContain('赵奶奶');
  await audit(board);
  await fitsWithLargeText(board);

  expect(violations).toEqual([]);
});
