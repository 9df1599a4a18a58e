import { PNG } from 'pngjs';
import type { Browser, Page } from 'playwright-core';
import type { CommunityDoc, UserDoc } from '../types';
import { formatHours } from '../domain/hours';
import { chinaTime } from '../domain/time';
import type { AppServer } from '../server/src/app';
import { DEMO_PERSONAS } from '../server/src/demo';
import { seriousViolations } from './accessibility';
import { type BrowserApp, invokeAs, startBrowserApp } from './app';
import { h5Path, openAs, phoneAs, see, seeHeading, visible } from './pages';
import { moveClock, publishActivity, readSignInCode } from './sign-in-code';

/**
 * Issue 10's whole path in Chromium with a phone viewport, against the H5 build and the built functions: staff of a
 * new community publish an activity and open its rotating code; a member reads the code off the screen and is signed
 * in; the functions' clock moves an hour and the member signs out with a fresh code; the member reports a service of
 * their own with a photo; staff stamp both from the queue; the 活动证 shows both lines and the new totals, and the staff
 * home's waiting count is back to 0. axe on every page.
 */
jest.setTimeout(240_000);

const COMMUNITY = 'E2E99';
const STAFF = 'e2e-staff-south';
const MEMBER = DEMO_PERSONAS.memberVerified;
const ACTIVITY = '南街健康义诊';
const WHAT = '帮七号楼独居老人整理药箱';
const HOUR = 3_600_000;

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

/** A community of its own (so that its queue holds only what this test makes), with one staff member. */
function newCommunity(now: number): void {
  const community: CommunityDoc = {
    _id: COMMUNITY,
    name: '城关镇南街社区',
    county: '示范县',
    street: '城关镇',
    address: '南街 9 号',
    createdAt: now,
  };
  const staff: UserDoc = {
    _id: STAFF,
    name: '钱社工',
    grants: [{ role: 'staff', communityId: COMMUNITY }],
    createdAt: now,
    updatedAt: now,
  };
  app.cloud.db.insertDocument({ collectionName: 'communities', data: [JSON.stringify(community)] });
  app.cloud.db.insertDocument({ collectionName: 'users', data: [JSON.stringify(staff)] });
}

async function waitingCount(page: Page): Promise<string> {
  await page.goto(`${app.url}${h5Path('staffHome')}`);
  await seeHeading(page, '社区工作台');
  const line = visible(page)
    .getByText(/等待认定\d+条/)
    .first();
  await line.waitFor();
  return (await line.textContent()) ?? '';
}

test('an activity signed in and out from the screen and a reported service, stamped, on the 活动证', async () => {
  // The scene: the functions' clock at 09:55 tomorrow (China time); a new community; the member checks in there,
  // and claims the post staff publish.
  const morning = chinaTime(app.cloud.clock.now())
    .add(1, 'day')
    .startOf('day')
    .add(9 * 60 + 55, 'minute');
  await moveClock(app, morning.valueOf() - app.cloud.clock.now());
  newCommunity(morning.valueOf());
  await invokeAs(app, MEMBER, 'checkin', 'checkIn', { communityId: COMMUNITY });
  const { post } = await invokeAs(app, STAFF, 'post', 'save', {
    kind: '关爱空巢老人岗',
    duty: '每周帮独居老人整理药品',
    forWhom: '七号楼独居老人',
    capacity: 5,
    until: morning.add(30, 'day').valueOf(),
  });
  await invokeAs(app, MEMBER, 'post', 'claim', { postId: post.id });
  const before = await invokeAs(app, MEMBER, 'card', 'get', {});

  // 1. The staff home starts with nothing waiting.
  const staff = await phoneAs(app, browser, STAFF);
  expect(await waitingCount(staff)).toBe('等待认定0条');
  await audit(staff);

  // 2. Staff publish an activity that began five minutes ago and open its code.
  await staff.goto(`${app.url}${h5Path('activityEdit')}`);
  await seeHeading(staff, '发布活动');
  await audit(staff);
  const start = morning.subtract(5, 'minute');
  await publishActivity(staff, {
    title: ACTIVITY,
    place: '南街社区卫生室',
    date: start.format('YYYY-MM-DD'),
    start: start.format('HH:mm'),
    end: start.add(2, 'hour').format('HH:mm'),
    capacity: 30,
  });
  await staff.getByRole('button', { name: '打开签到码' }).click();
  await see(staff, '秒后更换');
  await audit(staff);

  // 3. The member's phone reads the code off the staff screen and opens it: signed in.
  const member = await phoneAs(app, browser, MEMBER);
  await member.goto(await readSignInCode(staff));
  await see(member, '已签到');
  await see(member, ACTIVITY);
  await audit(member);

  // 4. An hour later the member scans the code the screen shows then: signed out, one hour.
  await moveClock(app, HOUR);
  await staff.reload();
  await see(staff, '已签到1人');
  await member.goto(await readSignInCode(staff));
  await see(member, /已签退，1小时/);
  await audit(member);

  // 5. The member reports an afternoon's service of their own, with a photo from the phone.
  await member.goto(`${app.url}${h5Path('report')}`);
  await seeHeading(member, '记录服务');
  await member.locator('#post').waitFor();
  await audit(member);
  await member.selectOption('#post', post.id);
  // The day before yesterday by the moved clock is yesterday by the phone's own, which the form checks against.
  await member.fill('#date', morning.subtract(2, 'day').format('YYYY-MM-DD'));
  await member.fill('#start', '14:00');
  await member.fill('#end', '15:30');
  await member.fill('#description', WHAT);
  const photo = PNG.sync.write(new PNG({ width: 8, height: 8 }));
  await member.setInputFiles('#photos', { name: 'photo.png', mimeType: 'image/png', buffer: photo });
  await visible(member).getByRole('img', { name: '第1张照片' }).waitFor({ timeout: 20_000 });
  await visible(member).getByRole('button', { name: '提交记录' }).click();
  await see(member, '已提交，等待社区认定');
  await audit(member);

  // 6. Two wait on the staff home; staff stamp both from the queue at once.
  expect(await waitingCount(staff)).toBe('等待认定2条');
  await staff.goto(`${app.url}${h5Path('stampQueue')}`);
  await seeHeading(staff, '服务认定');
  await see(staff, WHAT);
  await see(staff, ACTIVITY);
  await audit(staff);
  await visible(staff)
    .getByRole('checkbox', { name: /全选（2条）/ })
    .check();
  await visible(staff).getByRole('button', { name: '认定所选（2）' }).click();
  await see(staff, '已认定2条');
  await audit(staff);

  // 7. The 活动证 shows both stamped lines and the new totals: one hour and an hour and a half more.
  const card = await openAs(app, browser, MEMBER, h5Path('serviceCard'));
  await seeHeading(card, '我的活动证');
  await see(card, ACTIVITY);
  await see(card, WHAT);
  const text = (await visible(card).textContent()) ?? '';
  expect(text).toContain(formatHours(before.minutesInAll + 150));
  expect(text).toContain('钱社工');
  await audit(card);
  const after = await invokeAs(app, MEMBER, 'card', 'get', {});
  expect(after.minutesInAll - before.minutesInAll).toBe(150);
  expect(after.lines.items.slice(0, 2).map((line) => line.minutes)).toEqual(expect.arrayContaining([60, 90]));

  // 8. Nothing waits any more.
  expect(await waitingCount(staff)).toBe('等待认定0条');

  expect(violations).toEqual([]);
});
