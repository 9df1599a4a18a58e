import { Readable } from 'node:stream';
import { PNG } from 'pngjs';
import type { Browser, Page } from 'playwright-core';
import type { AppServer } from '../server/src/app';
import { DEMO_PERSONAS, findDemoIdentity } from '../server/src/demo';
import { chinaTime } from '../domain/time';
import { seriousViolations } from './accessibility';
import { type BrowserApp, invokeAs, startBrowserApp } from './app';
import { h5Path, openAs, see, seeHeading, visible } from './pages';

/**
 * 记录服务 and 服务认定 in Chromium with a phone viewport against the H5 build and the built functions: a checked-in
 * member with a claimed post reports a service with a photo chosen in the file input; staff see it in the queue with
 * its photo and confirm it; another report is sent back with a reason the member sees; the county admin's 超时未认定
 * and 记录核验 open. axe on every page.
 */
jest.setTimeout(180_000);

let app: AppServer;
let browser: Browser;
let running: BrowserApp;
const violations: string[] = [];
const DUTY = '每周二上午帮独居老人取药';
const WHAT = '陪四单元王奶奶去社区医院取药';
const OTHER = '帮五单元李爷爷修好了水龙头';
const REASON = '照片看不出服务内容，请补拍后重新记录';
const MINUTE = 60_000;
const DAY = 86_400_000;

beforeAll(async () => {
  running = await startBrowserApp();
  ({ app, browser } = running);
});

afterAll(() => running?.close());

async function audit(page: Page): Promise<void> {
  violations.push(...(await seriousViolations(page)));
}

const tinyPng = () => PNG.sync.write(new PNG({ width: 8, height: 8 }));

/** Past China-time days (YYYY-MM-DD) on which the member has no record yet, nearest first. */
async function freeDays(memberId: string, count: number): Promise<string[]> {
  const mine = await invokeAs(app, memberId, 'record', 'listMine', { limit: 50 });
  const taken = new Set(mine.items.map((record) => chinaTime(record.startAt).format('YYYY-MM-DD')));
  const now = app.cloud.clock.now();
  const days: string[] = [];
  for (let back = 1; days.length < count && back < 60; back += 1) {
    const day = chinaTime(now - back * DAY).format('YYYY-MM-DD');
    if (!taken.has(day)) days.push(day);
  }
  return days;
}

test('a member reports with a photo; staff confirm it from the queue and send another back with a reason', async () => {
  const memberId = DEMO_PERSONAS.memberCheckedIn;
  const staffId = DEMO_PERSONAS.staff;
  const member = findDemoIdentity(memberId)!;

  // The scene: staff publish a post and the member claims it.
  const now = app.cloud.clock.now();
  const { post } = await invokeAs(app, staffId, 'post', 'save', {
    kind: '邻里互助岗',
    duty: DUTY,
    forWhom: '四单元、五单元独居老人',
    capacity: 5,
    until: now + 30 * DAY,
  });
  await invokeAs(app, memberId, 'post', 'claim', { postId: post.id });
  const [day, otherDay] = await freeDays(memberId, 2);

  // 1. 记录服务: the post, yesterday (or the nearest free day), 09:00–10:30, what was done, one photo from the phone.
  const form = await openAs(app, browser, memberId, h5Path('report'));
  await seeHeading(form, '记录服务');
  await form.locator('#post').waitFor();
  await audit(form);
  await form.selectOption('#post', post.id);
  await form.fill('#date', day);
  await form.fill('#start', '09:00');
  await form.fill('#end', '10:30');
  await form.fill('#description', WHAT);
  await form.setInputFiles('#photos', { name: 'photo.png', mimeType: 'image/png', buffer: tinyPng() });
  await visible(form).getByRole('img', { name: '第1张照片' }).waitFor({ timeout: 20_000 });
  await audit(form);
  await visible(form).getByRole('button', { name: '提交记录' }).click();
  await see(form, '已提交，等待社区认定');
  await visible(form).getByText('我的服务记录').first().waitFor();
  await audit(form);

  const reported = await invokeAs(app, memberId, 'record', 'listMine', { status: 'pending' });
  const record = reported.items.find((item) => item.description === WHAT);
  expect(record).toMatchObject({ source: 'selfReported', minutes: 90 });
  // The photo chosen in the browser went up through the app server as the member's own upload.
  expect(app.cloud.storage.describe(record!.photos[0])).toMatchObject({ owner: memberId, contentType: 'image/png' });

  // A second report, made through the function, that staff will send back.
  const photo = await app.cloud.storage.save(`uploads/${memberId}/e2e-other.png`, Readable.from([tinyPng()]), {
    owner: memberId,
    contentType: 'image/png',
  });
  const otherStart = Date.parse(`${otherDay}T14:00:00+08:00`);
  const { record: other } = await invokeAs(app, memberId, 'record', 'report', {
    postId: post.id,
    startAt: otherStart,
    endAt: otherStart + 60 * MINUTE,
    description: OTHER,
    photos: [photo.fileID],
  });

  // 2. 服务认定: both wait with the member's name, the evidence and the photo; select the first and confirm it.
  const queue = await openAs(app, browser, staffId, h5Path('stampQueue'));
  await seeHeading(queue, '服务认定');
  await see(queue, WHAT);
  const item = visible(queue).locator('li.rb-list__item', { hasText: WHAT });
  await expect(item.textContent()).resolves.toContain(member.name);
  await expect(item.textContent()).resolves.toContain('自行记录');
  const thumb = item.getByRole('img', { name: /第1张照片/ });
  await thumb.waitFor();
  // The member's photo loads for staff (through the address the queue handed out, not the member's own access).
  const thumbElement = await thumb.elementHandle();
  await queue.waitForFunction((img) => (img as HTMLImageElement).naturalWidth > 0, thumbElement, { timeout: 10_000 });
  await audit(queue);
  await item.getByRole('checkbox').check();
  await visible(queue).getByRole('button', { name: '认定所选（1）' }).click();
  await see(queue, '已认定1条');
  await item.waitFor({ state: 'detached', timeout: 20_000 });
  await audit(queue);
  const stamped = await invokeAs(app, memberId, 'record', 'listMine', { status: 'confirmed' });
  expect(stamped.items.map((r) => r.id)).toContain(record!.id);

  // 3. 退回 the other one with a reason.
  const otherItem = visible(queue).locator('li.rb-list__item', { hasText: OTHER });
  await otherItem.getByRole('button', { name: '退回' }).click();
  await otherItem.locator(`#reason-${other.id}`).fill(REASON);
  await audit(queue);
  await otherItem.getByRole('button', { name: '确认退回' }).click();
  await see(queue, `已退回${member.name}的记录`);
  await otherItem.waitFor({ state: 'detached', timeout: 20_000 });

  // The member sees the reason: in the function's answer, and on 我的服务记录.
  const rejected = await invokeAs(app, memberId, 'record', 'listMine', { status: 'rejected' });
  expect(rejected.items.find((r) => r.id === other.id)).toMatchObject({ status: 'rejected', rejectReason: REASON });
  const records = await openAs(app, browser, memberId, h5Path('myRecords'));
  await seeHeading(records, '我的服务记录');
  await see(records, REASON);
  await audit(records);

  // 4. The county admin's pages.
  const county = DEMO_PERSONAS.countyAdmin;
  const overdue = await openAs(app, browser, county, h5Path('overdue'));
  await seeHeading(overdue, '超时未认定');
  await visible(overdue).locator('.rb-list, .rb-empty').first().waitFor({ timeout: 20_000 });
  await audit(overdue);
  const ledger = await openAs(app, browser, county, h5Path('ledger'));
  await seeHeading(ledger, '记录核验');
  await audit(ledger);
  await visible(ledger).getByRole('button', { name: '开始核验' }).click();
  await see(ledger, '核验时间');
  await visible(ledger).getByRole('list', { name: '各社区的核验结果' }).waitFor();
  await audit(ledger);

  expect(violations).toEqual([]);
});
