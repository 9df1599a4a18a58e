import { Readable } from 'node:stream';
import { PNG } from 'pngjs';
import type { Browser, Page } from 'playwright-core';
import type { AppServer } from '../server/src/app';
import { DEMO_PERSONAS, findDemoIdentity } from '../server/src/demo';
import { chinaTime } from '../domain/time';
import { formatHours } from '../domain/hours';
import { seriousViolations } from './accessibility';
import { type BrowserApp, invokeAs, startBrowserApp } from './app';
import { MINE, h5Path, openAs, see, seeHeading, visible } from './pages';

/**
 * The 活动证, 我的服务记录, 我的, the staff home and the checked-in list, in Chromium with a phone viewport against the
 * H5 build: after staff stamp a member's report, the card shows the stamped line and the new totals, prints without
 * its buttons, and the staff home counts what waits and who is checked in (phones masked). axe on every page.
 */
jest.setTimeout(180_000);

let app: AppServer;
let browser: Browser;
let running: BrowserApp;
const violations: string[] = [];
const DUTY = '每周三下午陪独居老人聊天';
const WHAT = '陪三单元独居老人聊天散步';
const MINUTE = 60_000;

beforeAll(async () => {
  running = await startBrowserApp();
  ({ app, browser } = running);
});

afterAll(() => running?.close());

async function audit(page: Page): Promise<void> {
  violations.push(...(await seriousViolations(page)));
}

test('a stamped report on the 活动证, 我的 and 我的服务记录; the staff home and who is checked in', async () => {
  const memberId = DEMO_PERSONAS.memberCheckedIn;
  const staffId = DEMO_PERSONAS.staff;
  const member = findDemoIdentity(memberId)!;
  const staff = findDemoIdentity(staffId)!;

  // The scene: staff publish a post, the member claims it and reports an hour with a photo, staff stamp it.
  const now = app.cloud.clock.now();
  const early = chinaTime(now).subtract(2, 'day').startOf('day').add(5, 'hour').valueOf();
  const { post } = await invokeAs(app, staffId, 'post', 'save', {
    kind: '关爱空巢老人岗',
    duty: DUTY,
    forWhom: '三单元独居老人',
    capacity: 5,
    until: now + 30 * 24 * 60 * MINUTE,
  });
  await invokeAs(app, memberId, 'post', 'claim', { postId: post.id });
  const photo = await app.cloud.storage.save(
    `uploads/${memberId}/e2e-card.png`,
    Readable.from([PNG.sync.write(new PNG({ width: 2, height: 2 }))]),
    { owner: memberId, contentType: 'image/png' },
  );
  const { record } = await invokeAs(app, memberId, 'record', 'report', {
    postId: post.id,
    // 05:00–06:00 China time two days ago: within one day and clear of the demo's own records, at any hour of the run.
    startAt: early,
    endAt: early + 60 * MINUTE,
    description: WHAT,
    photos: [photo.fileID],
  });
  await invokeAs(app, staffId, 'record', 'confirm', { recordIds: [record.id] });
  const card = await invokeAs(app, memberId, 'card', 'get', {});
  expect(card.lines.items[0]).toMatchObject({ recordId: record.id, minutes: 60, stampedByName: staff.name });

  // 1. The 活动证: the stamped line, the totals, the post's half-month, and a print view without buttons.
  const cardPage = await openAs(app, browser, memberId, h5Path('serviceCard'));
  await see(cardPage, WHAT);
  const text = (await visible(cardPage).textContent()) ?? '';
  expect(text).toContain(member.name);
  expect(text).toContain(`盖章人：${staff.name}`);
  expect(text).toContain(formatHours(card.minutesThisYear));
  expect(text).toContain(formatHours(card.minutesInAll));
  expect(text).toContain(`年度目标${card.goal.yearlyHours}小时`);
  expect(text).toContain(`${card.posts.find((p) => p.postId === post.id)!.period}：已服务`);
  await audit(cardPage);
  const print = visible(cardPage).getByRole('button', { name: '打印活动证' });
  await print.waitFor();
  await cardPage.emulateMedia({ media: 'print' });
  await print.waitFor({ state: 'hidden' });
  await expect(visible(cardPage).getByText(WHAT).first().isVisible()).resolves.toBe(true);
  await cardPage.emulateMedia({ media: 'screen' });

  // 2. 我的服务记录: the report among the confirmed ones.
  const records = await openAs(app, browser, memberId, h5Path('myRecords'));
  await seeHeading(records, '我的服务记录');
  await visible(records).locator('section', { hasText: '已认定' }).getByText(WHAT).first().waitFor();
  await audit(records);

  // 3. 我的: the hours and the waiting and rejected counts, with the way to the card.
  const mine = await openAs(app, browser, memberId, MINE);
  await see(mine, '我的服务');
  await see(mine, formatHours(card.minutesInAll));
  await visible(mine).getByText('我的活动证').first().waitFor();
  await audit(mine);

  // 4. The staff home: what waits, today's activities, who is checked in; then the list, phones masked.
  const home = await invokeAs(app, staffId, 'community', 'staffHome', {});
  const staffPage = await openAs(app, browser, staffId, h5Path('staffHome'));
  await see(staffPage, `等待认定${home.pendingCount}条`);
  await see(staffPage, `在本社区报到${home.checkedInCount}人`);
  await audit(staffPage);
  await visible(staffPage).getByText('查看谁已报到').click();
  await seeHeading(staffPage, '已报到党员');
  const rows = await invokeAs(app, staffId, 'community', 'listCheckedIn', {});
  await see(staffPage, rows.items[0].name);
  const listed = (await visible(staffPage).textContent()) ?? '';
  expect(listed).toContain(rows.items[0].phoneMasked);
  expect(listed).not.toMatch(/1\d{10}/);
  await audit(staffPage);

  expect(violations).toEqual([]);
});
