import type { Browser, Page } from 'playwright-core';
import type { AppServer } from '../server/src/app';
import { DEMO_PERSONAS, findDemoIdentity } from '../server/src/demo';
import { chinaTime } from '../domain/time';
import { seriousViolations } from './accessibility';
import { type BrowserApp, invokeAs, startBrowserApp } from './app';
import { HOME, POSTS, openAs, see, visible } from './pages';

/**
 * Posts end to end, in Chromium with a phone viewport against the H5 build: staff publish a post from the 岗位 tab; a
 * member checked in at the community, prompted on 首页 to claim one, claims it; the list names them with their unit
 * and no phone; the prompt on 首页 is gone. Every page visited is checked with axe-core.
 */
jest.setTimeout(180_000);

let app: AppServer;
let browser: Browser;
let running: BrowserApp;
const violations: string[] = [];
const DUTY = '夜间巡逻东街北门一带';
const FOR_WHOM = '北门沿街商户和住户';

beforeAll(async () => {
  running = await startBrowserApp();
  ({ app, browser } = running);
});

afterAll(() => running?.close());

async function audit(page: Page): Promise<void> {
  violations.push(...(await seriousViolations(page)));
}

test('staff publish a post, a member claims it, the list names them without a phone, the home prompt goes', async () => {
  const memberId = DEMO_PERSONAS.memberCheckedIn;
  const member = findDemoIdentity(memberId)!;
  // The demo member starts with no post, so that 首页 prompts them.
  const before = await invokeAs(app, memberId, 'post', 'list', {});
  expect(before.community?.id).toBe('C01');
  for (const post of before.posts.filter((p) => p.mine)) {
    await invokeAs(app, memberId, 'post', 'leave', { postId: post.id });
  }

  // 1. 首页 asks the member to claim a post.
  const home = await openAs(app, browser, memberId, HOME);
  await see(home, '您还没有认领岗位');
  await audit(home);

  // 2. Staff of C01 publish a post from the 岗位 tab.
  const staff = await openAs(app, browser, DEMO_PERSONAS.staff, POSTS);
  await visible(staff).getByText('发布岗位').first().click();
  await staff.locator('#kind').waitFor();
  await audit(staff);
  await staff.selectOption('#kind', '治安巡逻岗');
  await staff.fill('#duty', DUTY);
  await staff.fill('#for-whom', FOR_WHOM);
  await staff.fill('#capacity', '3');
  await staff.fill('#until', chinaTime(Date.now()).add(14, 'day').format('YYYY-MM-DD'));
  await staff.getByRole('button', { name: '发布岗位' }).click();
  const published = visible(staff).locator('.rb-list__item', { hasText: DUTY });
  await published.waitFor({ timeout: 20_000 });
  await expect(published.textContent()).resolves.toContain('已认领0/3人');
  await audit(staff);

  // 3. The member opens the 岗位 tab and claims it.
  await home.getByRole('navigation').getByText('岗位').click();
  await home.waitForURL(/pages\/posts\/index/);
  const item = visible(home).locator('.rb-list__item', { hasText: DUTY });
  await item.waitFor({ timeout: 20_000 });
  await audit(home);
  await item.getByRole('button', { name: '认领岗位' }).click();
  await item.getByText('我已认领').waitFor({ timeout: 20_000 });
  const profile = (await invokeAs(app, memberId, 'user', 'getMe', {})).member;
  if (!profile) throw new Error('the demo member has no registration');
  const unitName = profile.unit.name;
  await item.getByText(`${member.name}（${unitName}）`).waitFor();
  await expect(item.textContent()).resolves.toContain('已认领1/3人');
  await item.getByRole('button', { name: '退出岗位' }).waitFor();
  await audit(home);

  // 4. Anyone reading the list sees the claimant's name and unit, never a phone.
  const text = (await item.textContent()) ?? '';
  expect(text).not.toContain(profile.phone);
  expect(text).not.toMatch(/1\d{2}\*{4}\d{4}|1\d{10}/);
  await staff.reload();
  const seenByStaff = visible(staff).locator('.rb-list__item', { hasText: DUTY });
  await seenByStaff.getByText(`${member.name}（${unitName}）`).waitFor({ timeout: 20_000 });
  expect((await seenByStaff.textContent()) ?? '').not.toContain(profile.phone);

  // 5. Back on 首页 the prompt is gone.
  await home.getByRole('navigation').getByText('首页').click();
  await home.waitForURL(/pages\/index\/index/);
  await visible(home).getByText('报到社区').first().waitFor({ timeout: 20_000 });
  await visible(home).getByText('您还没有认领岗位').waitFor({ state: 'hidden', timeout: 20_000 });
  await audit(home);

  expect(violations).toEqual([]);
});
