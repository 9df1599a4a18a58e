import type { TestCloud } from 'wx-local-cloud/testing';
import { ok, seedCounty, startFunctionsCloud, storedDoc, verifiedMember } from '../cloudfunctions/test/helpers';
import { chinaTime } from '../domain/time';
import { startOfChinaDay } from '../domain/periods';
import { ROUTES } from '../src/routes';
import { withApp } from './harness';

// Staff's side of 点单 in the real weapp build: 代居民点单 through its form, the daily digest's subscription prompt at
// the tap, and a finished request's rating as evidence in 服务认定 (the resident's own, and staff's for a resident
// without a smartphone); the member's records say 等待居民确认 until the resident has rated it.
const RESIDENT = 'staff-orders-resident';
const MEMBER = 'staff-orders-member';
const STAFF = 'staff-C01';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

let t: TestCloud;
beforeAll(async () => {
  t = await startFunctionsCloud();
  await seedCounty(t);
  await verifiedMember(t, MEMBER, 'U01');
  await ok(t, MEMBER, 'checkin', 'checkIn', { communityId: 'C01' });
  await ok(t, RESIDENT, 'order', 'saveProfile', {
    name: '王大妈',
    phone: '13900007777',
    communityId: 'C01',
    compound: '幸福小区',
    building: '3栋',
    unit: '2单元',
    room: '501',
  });
});
afterAll(() => t.close());

function pickers(app: { page: { findAll: (target: { selector: string }) => unknown[] } }) {
  return app.page.findAll({ selector: 'wx-picker' });
}

/**
 * A request of the resident's, published and taken by the member two days ago (the functions' clock moved back for it),
 * then marked done for an hour of yesterday ending at `(18 - hoursAgo)`:00 China time — after the take, and within one
 * China day whatever the hour the test runs at (its record waits for the rating).
 */
async function doneRequest(text: string, hoursAgo: number): Promise<string> {
  const now = t.cloud.clock.now();
  const yesterday = startOfChinaDay(now - DAY);
  t.cloud.clock.advance(-2 * DAY);
  const { order } = await ok(t, RESIDENT, 'order', 'post', {
    kind: '维修',
    text,
    wantedBy: now + 2 * DAY,
    photos: [],
  });
  await ok(t, STAFF, 'order', 'publish', { orderId: order.id });
  await ok(t, MEMBER, 'order', 'take', { orderId: order.id });
  t.cloud.clock.advance(2 * DAY);
  await ok(t, MEMBER, 'order', 'markDone', {
    orderId: order.id,
    note: '已上门修好',
    photos: [],
    startAt: yesterday + (17 - hoursAgo) * HOUR,
    endAt: yesterday + (18 - hoursAgo) * HOUR,
  });
  return order.id;
}

test('staff post a request for a resident through the form: published at once, marked as theirs', async () => {
  const day = chinaTime(t.cloud.clock.now()).add(3, 'day').format('YYYY-MM-DD');
  await withApp({ cloud: t.cloud, openid: STAFF, url: ROUTES.orderOnBehalf.path }, async (app) => {
    const page = app.page;
    expect(page.text()).toContain('提交后直接发布给本社区的党员，不用再审核；需求上会注明由您代为点单。');
    await page.input('居民姓名', '赵奶奶');
    await page.input('联系电话', '13966660123');
    await page.input('小区', '和平小区');
    await page.input('楼栋', '7栋');
    await page.input('单元', '1单元');
    await page.input('房号', '302');
    await page.pick('需求类别', 0);
    await page.input('需求内容', '想请人帮忙去社保所办认证');
    const [, date, time] = pickers(app);
    await page.trigger(date as never, 'change', { value: day });
    await page.trigger(time as never, 'change', { value: '10:00' });
    await page.tap('代居民发布需求');
    const last = app.records.navigations.at(-1);
    expect(last?.api).toBe('redirectTo');
    expect(last?.url).toMatch(new RegExp(`^${ROUTES.orderDetail.path}\\?id=`));
  });
  const { items } = await ok(t, STAFF, 'order', 'listForStaff', { filter: 'published' });
  expect(items).toHaveLength(1);
  expect(items[0]).toMatchObject({
    kind: '民事代办',
    text: '想请人帮忙去社保所办认证',
    compound: '和平小区',
    status: 'published',
    onBehalfOf: { staffName: '李社工' },
  });
  expect(await storedDoc(t, 'orderContacts', items[0].id)).toMatchObject({ name: '赵奶奶', phone: '13966660123' });
});

test('订阅每日待办提醒 asks WeChat at the tap and keeps the grant', async () => {
  await withApp({ cloud: t.cloud, openid: STAFF, url: ROUTES.staffHome.path }, async (app) => {
    app.answerSubscription('accept');
    await app.page.tap('订阅每日待办提醒');
    expect(app.records.subscriptions).toHaveLength(1);
    expect(app.records.subscriptions[0].tmplIds).toHaveLength(1);
    expect(app.page.text()).toContain('已订阅。有待办事项时，每天会用微信消息提醒您一次。');
  });
  expect(await storedDoc(t, 'subscriptions', `${STAFF}_dailyDigest`)).toMatchObject({ count: 1 });
});

test("the member's records say 等待居民确认; once rated, 服务认定 shows the rating as evidence", async () => {
  const rated = await doneRequest('厨房水龙头漏水', 5);
  await withApp({ cloud: t.cloud, openid: MEMBER, url: ROUTES.myRecords.path }, async (app) => {
    const text = app.page.text();
    expect(text).toContain('等待居民确认');
    expect(text).toContain('居民点单：维修');
    expect(text).toContain('居民确认办好后，这条记录会送社区认定。');
  });
  await ok(t, RESIDENT, 'order', 'rate', { orderId: rated, stars: 4, comment: '修得很快' });

  const confirmed = await doneRequest('楼道灯不亮了', 3);
  await ok(t, STAFF, 'order', 'confirmDone', {
    orderId: confirmed,
    stars: null,
    comment: '',
  });

  await withApp({ cloud: t.cloud, openid: STAFF, url: ROUTES.stampQueue.path }, async (app) => {
    const text = app.page.text();
    expect(text).toContain('居民点单：维修');
    expect(text).toContain('居民评价★★★★☆4星，“修得很快”');
    expect(text).toContain('工作人员代为确认未打分（李社工代居民确认）');
  });
});

test('社区公示 opens on the community a link names, for anyone signed in; without one, a person of no community is told how to get one', async () => {
  await withApp({ cloud: t.cloud, openid: 'county', url: `${ROUTES.board.path}?communityId=C01` }, async (app) => {
    const text = app.page.text();
    expect(text).toContain('东街社区');
    expect(text).toContain('本月办结');
    expect(text).toContain('想请人帮忙去社保所办认证');
    expect(text).toContain('和平小区');
    expect(text).not.toContain('13966660123');
    expect(text).not.toContain('赵奶奶');
  });
  await withApp({ cloud: t.cloud, openid: 'county', url: ROUTES.board.path }, async (app) => {
    expect(app.page.text()).toContain('还不知道您在哪个社区');
    expect(app.page.text()).toContain('去首页扫码报到');
  });
});
