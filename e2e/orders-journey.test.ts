import { PNG } from 'pngjs';
import type { Browser, Page } from 'playwright-core';
import type { CommunityDoc, UserDoc } from '../types';
import { chinaTime } from '../domain/time';
import type { AppServer } from '../server/src/app';
import { DEMO_PERSONAS } from '../server/src/demo';
import { seriousViolations } from './accessibility';
import { type BrowserApp, invokeAs, startBrowserApp } from './app';
import { answerDialog, dialogText, h5Path, openAs, see, seeHeading, visible } from './pages';
import { moveClock } from './sign-in-code';

/**
 * Issue 11's whole path in Chromium with a phone viewport, against the H5 build and the built functions: a resident
 * gives their profile and posts a request (and agrees to be told of progress); staff publish it; a member checked in
 * there takes it and only then sees the phone and door; the member marks it done with a photo; the resident rates it;
 * staff stamp the record in the queue; the member's 活动证 shows the line; the public board shows the request as done
 * with no contact detail; the resident deletes their profile and the board's counts stay the same. axe on every page.
 *
 * Time of day does not matter: the functions' clock runs two days behind until the member has taken the request (a
 * service may not start before the take), then is put right; the request is wanted three China days from now and the
 * service lies yesterday morning (China time), after the take and in the past for both the phone's forms and the
 * functions.
 */
jest.setTimeout(240_000);

const COMMUNITY = 'E2E11';
const STAFF = 'e2e-staff-north';
const STAFF_NAME = '孙社工';
const RESIDENT = DEMO_PERSONAS.resident;
const MEMBER = DEMO_PERSONAS.memberVerified;
const PERSON = {
  name: '欧阳秀兰',
  phone: '13912340011',
  compound: '北门花园',
  building: '8号楼',
  unit: '2单元',
  room: '302室',
};
const TEXT = '家里的米吃完了，想请人帮忙买一袋送上楼';
const NOTE = '买了一袋十斤的大米送到家里，放进了米缸';
const DAY = 86_400_000;

let app: AppServer;
let browser: Browser;
let running: BrowserApp;
const violations: string[] = [];

beforeAll(async () => {
  running = await startBrowserApp();
  ({ app, browser } = running);
});

afterAll(() => running?.close());

async function audit(page: Page): Promise<void> {
  violations.push(...(await seriousViolations(page)));
}

/** A community of its own (so its queue and board hold only what this test makes), with one staff member. */
function newCommunity(now: number): void {
  const community: CommunityDoc = {
    _id: COMMUNITY,
    name: '城关镇北门社区',
    county: '红旗县',
    street: '城关镇',
    address: '红旗县城关镇北门路9号',
    createdAt: now,
  };
  const staff: UserDoc = {
    _id: STAFF,
    name: STAFF_NAME,
    grants: [{ role: 'staff', communityId: COMMUNITY }],
    createdAt: now,
    updatedAt: now,
  };
  app.cloud.db.insertDocument({ collectionName: 'communities', data: [JSON.stringify(community)] });
  app.cloud.db.insertDocument({ collectionName: 'users', data: [JSON.stringify(staff)] });
}

/** The text of the page on screen (the newest, when a tab page stays in the document beneath it). */
const pageText = async (page: Page) => (await visible(page).last().textContent()) ?? '';

/** What of the resident a page must not show to anyone but the taker and staff. */
async function expectNoContact(page: Page): Promise<void> {
  const text = await pageText(page);
  for (const secret of [PERSON.phone, PERSON.name, `${PERSON.building}${PERSON.unit}`, PERSON.room]) {
    expect({ secret, shown: text.includes(secret) }).toEqual({ secret, shown: false });
  }
}

/** The board of the test's community as `page` shows it: its counts once they are in. */
async function boardCounts(page: Page): Promise<{ month: string; all: string }> {
  await page.goto(`${app.url}${h5Path('board')}?communityId=${COMMUNITY}`);
  await seeHeading(page, '社区公示');
  await see(page, '本月办结');
  const read = async (selector: string) => ((await visible(page).locator(selector).first().textContent()) ?? '').trim();
  return { month: await read('.rb-board__big'), all: await read('.rb-board__mid') };
}

/** The board lists the request among those done: its kind, compound and stars, and nothing of the resident. */
async function seeDoneOnBoard(page: Page): Promise<void> {
  const done = visible(page).last().locator('.rb-card', { hasText: '最近办好的需求' });
  await done.getByText(PERSON.compound).first().waitFor();
  const text = (await done.textContent()) ?? '';
  for (const shown of ['生活帮扶', PERSON.compound, '办好']) expect(text).toContain(shown);
  await expectNoContact(page);
}

test('a request posted, published, taken, done, rated and stamped; the board keeps its count after the resident deletes their data', async () => {
  // The scene, two days ago on the functions' clock: a new community; the member checks in there (the check-in is
  // issue 9's, not this journey's).
  await moveClock(app, -2 * DAY);
  newCommunity(app.cloud.clock.now());
  await invokeAs(app, MEMBER, 'checkin', 'checkIn', { communityId: COMMUNITY });
  const outbox = (openid: string) => app.cloud.outbox.list(openid);

  // 0. The board starts with nothing done.
  const viewer = await openAs(app, browser, MEMBER, h5Path('home'));
  expect(await boardCounts(viewer)).toEqual({ month: '0', all: '0' });
  await audit(viewer);

  // 1. The resident gives their profile once, on the way to posting.
  const resident = await openAs(app, browser, RESIDENT, `${h5Path('residentProfile')}?next=post`);
  await seeHeading(resident, '我的居民资料');
  await see(resident, '第一次点单');
  await audit(resident);
  await resident.fill('#name', PERSON.name);
  await resident.fill('#phone', PERSON.phone);
  await resident.selectOption('#community', COMMUNITY);
  await resident.fill('#compound', PERSON.compound);
  await resident.fill('#building', PERSON.building);
  await resident.fill('#unit', PERSON.unit);
  await resident.fill('#room', PERSON.room);
  await visible(resident).getByRole('button', { name: '保存，去点单' }).click();

  // 2. …and posts: what, by when (three days from today on the phone's calendar), and yes to being told.
  await seeHeading(resident, '我要点单');
  await resident.locator('#kind').waitFor();
  await audit(resident);
  await resident.selectOption('#kind', '生活帮扶');
  await resident.fill('#text', TEXT);
  await resident.fill('#date', chinaTime(Date.now() + 3 * DAY).format('YYYY-MM-DD'));
  await resident.fill('#time', '18:00');
  await visible(resident).getByRole('button', { name: '提交需求' }).click();
  expect(await dialogText(resident)).toContain('消息提醒');
  await audit(resident);
  await answerDialog(resident, '提醒我');
  await seeHeading(resident, '需求详情');
  await see(resident, TEXT);
  await audit(resident);
  const orderId = decodeURIComponent(/[?&]id=([^&]+)/.exec(resident.url())![1]);
  const detailPath = `${h5Path('orderDetail')}?id=${encodeURIComponent(orderId)}`;

  // 3. Staff find it among the requests to review and publish it.
  const staff = await openAs(app, browser, STAFF, h5Path('staffOrders'));
  await seeHeading(staff, '居民需求');
  await see(staff, TEXT);
  await audit(staff);
  await visible(staff).getByRole('button', { name: '查看“生活帮扶”详情' }).click();
  await seeHeading(staff, '需求详情');
  await see(staff, PERSON.phone);
  await audit(staff);
  await visible(staff).getByRole('button', { name: '发布', exact: true }).click();
  await see(staff, '已发布给社区的在职党员');
  await audit(staff);

  // 4. The member sees it on the 点单 tab with its compound only; taking it shows the phone and the door.
  const member = await openAs(app, browser, MEMBER, h5Path('orders'));
  await seeHeading(member, '点单');
  await see(member, TEXT);
  await expectNoContact(member);
  await audit(member);
  await visible(member).getByText(TEXT).first().click();
  await seeHeading(member, '需求详情');
  await see(member, PERSON.compound);
  await expectNoContact(member);
  await audit(member);
  await visible(member).getByRole('button', { name: '我来领办' }).click();
  await see(member, '您已领办，请联系居民办理');
  await see(member, PERSON.phone);
  const taken = await pageText(member);
  for (const part of [PERSON.name, PERSON.building, PERSON.unit, PERSON.room]) expect(taken).toContain(part);
  await audit(member);
  // The resident agreed to be told: WeChat's message that it was taken is in the outbox.
  expect(outbox(RESIDENT)).toHaveLength(1);
  // Taken two days ago: the functions' clock catches up with the phone's.
  await moveClock(app, 2 * DAY);

  // 5. The member marks it done: what was done, a photo, and yesterday morning's hour (China time).
  await visible(member).getByRole('button', { name: '办好了' }).click();
  await seeHeading(member, '办结登记');
  await audit(member);
  await member.fill('#note', NOTE);
  const photo = PNG.sync.write(new PNG({ width: 8, height: 8 }));
  await member.setInputFiles('#photos', { name: 'photo.png', mimeType: 'image/png', buffer: photo });
  await visible(member).getByRole('img', { name: '第1张照片' }).waitFor({ timeout: 20_000 });
  await member.fill('#date', chinaTime(Date.now() - DAY).format('YYYY-MM-DD'));
  await member.fill('#start', '10:00');
  await member.fill('#end', '11:00');
  await visible(member).getByRole('button', { name: '提交办理情况' }).click();
  await answerDialog(member, '提醒我');
  await seeHeading(member, '需求详情');
  await see(member, NOTE);
  await audit(member);

  // 6. The resident confirms it was done and gives five stars.
  await resident.goto(`${app.url}${detailPath}`);
  await seeHeading(resident, '需求详情');
  await see(resident, NOTE);
  await visible(resident).getByRole('button', { name: '5星' }).waitFor();
  await audit(resident);
  await visible(resident).getByRole('button', { name: '5星' }).click();
  await resident.fill('#comment', '来得很及时，谢谢！');
  await visible(resident).getByRole('button', { name: '确认办好并评价' }).click();
  await see(resident, '已确认办好，谢谢您的评价');
  await audit(resident);
  expect(outbox(RESIDENT)).toHaveLength(2);

  // 7. Staff stamp the record in the queue, the rating beside it.
  await staff.goto(`${app.url}${h5Path('stampQueue')}`);
  await seeHeading(staff, '服务认定');
  await see(staff, NOTE);
  await audit(staff);
  await visible(staff)
    .getByRole('checkbox', { name: /全选（1条）/ })
    .check();
  await visible(staff).getByRole('button', { name: '认定所选（1）' }).click();
  await see(staff, '已认定1条');
  await audit(staff);
  // The member agreed to be told when staff decided.
  expect(outbox(MEMBER)).toHaveLength(1);

  // 8. The member's 活动证 shows the request's line, stamped by this community's staff.
  const card = await openAs(app, browser, MEMBER, h5Path('serviceCard'));
  await seeHeading(card, '我的活动证');
  await see(card, /点单服务：/);
  expect(await pageText(card)).toContain(STAFF_NAME);
  await audit(card);

  // 9. The board shows it done, with no phone, door or name; one this month, one in all.
  expect(await boardCounts(viewer)).toEqual({ month: '1', all: '1' });
  await seeDoneOnBoard(viewer);
  await audit(viewer);

  // 10. The resident deletes their profile: the finished request stays, anonymised, and the counts stay true.
  await resident.goto(`${app.url}${h5Path('residentProfile')}`);
  await seeHeading(resident, '我的居民资料');
  await see(resident, PERSON.phone);
  await audit(resident);
  await visible(resident).getByRole('button', { name: '删除我的资料' }).click();
  expect(await dialogText(resident)).toContain('删除后不能恢复');
  await audit(resident);
  await answerDialog(resident, '删除');
  await see(resident, '已删除您的居民资料');
  await audit(resident);
  expect(await boardCounts(viewer)).toEqual({ month: '1', all: '1' });
  await seeDoneOnBoard(viewer);

  expect(violations).toEqual([]);
});
