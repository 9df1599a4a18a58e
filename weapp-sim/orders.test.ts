import type { TestCloud } from 'wx-local-cloud/testing';
import { ok, seedCounty, startFunctionsCloud, storedDoc, verifiedMember } from '../cloudfunctions/test/helpers';
import { chinaTime } from '../domain/time';
import { ROUTES } from '../src/routes';
import { phoneCodeFor, withApp } from './harness';

// 点单 in the real weapp build: the resident's profile (WeChat's phone button) and request, a member taking it and
// marking it done, the resident rating it — each step through the pages, with the subscription prompts at the taps.
const RESIDENT = 'order-resident-1';
const MEMBER = 'order-member-1';
const STAFF = 'staff-C01';
const PHONE = '13900005555';
const TEXT = '家里水龙头漏水，想请人帮忙换一个';

const DAY = 86_400_000;

let t: TestCloud;
beforeAll(async () => {
  t = await startFunctionsCloud();
  // The functions' clock runs two days behind until the member has taken the request (a service may not start before
  // the take, and the member's service lies yesterday); the phone's forms check against the real clock.
  t.cloud.clock.advance(-2 * DAY);
  await seedCounty(t);
  await verifiedMember(t, MEMBER, 'U01');
  await ok(t, MEMBER, 'checkin', 'checkIn', { communityId: 'C01' });
});
afterAll(() => t.close());

/** The picker inputs of a page, top to bottom. */
function pickers(app: { page: { findAll: (target: { selector: string }) => unknown[] } }) {
  return app.page.findAll({ selector: 'wx-picker' });
}

test('a resident without a profile is led to it first, gives it with the phone button, and posts a request', async () => {
  const inTwoDays = chinaTime(Date.now()).add(2, 'day').format('YYYY-MM-DD');
  await withApp({ cloud: t.cloud, openid: RESIDENT, url: ROUTES.orders.path }, async (app) => {
    const page = app.page;
    expect(page.text()).toContain('您还没有点过单');
    await page.tap('我要点单');
    expect(app.records.navigations.at(-1)).toEqual({
      api: 'navigateTo',
      url: `${ROUTES.residentProfile.path}?next=post`,
    });
    const profile = app.page;
    expect(profile.text()).toContain('第一次点单，请先留下您的姓名、电话和住址。');
    await profile.input('姓名', '王大妈');
    await profile.sharePhone('微信手机号快捷填写', phoneCodeFor(PHONE));
    await profile.pick('所在社区', 0);
    await profile.input('小区', '幸福小区');
    await profile.input('楼栋', '3栋');
    await profile.input('单元', '2单元');
    await profile.input('房号', '501');
    await profile.tap('保存，去点单');
    expect(app.records.navigations.at(-1)).toEqual({ api: 'redirectTo', url: ROUTES.orderPost.path });
    expect(await storedDoc(t, 'residents', RESIDENT)).toMatchObject({ name: '王大妈', phone: PHONE, room: '501' });

    const post = app.page;
    expect(post.heading).toBe('我要点单');
    await post.pick('需要哪方面的帮助', 7);
    await post.input('需要帮您做什么', TEXT);
    const [, date, time] = pickers(app);
    await post.trigger(date as never, 'change', { value: inTwoDays });
    await post.trigger(time as never, 'change', { value: '18:00' });
    app.answerSubscription('accept', 'reject');
    await post.tap('提交需求');
    expect(app.records.subscriptions).toHaveLength(1);
    expect(app.records.subscriptions[0].tmplIds).toHaveLength(2);
    expect(app.page.heading).toBe('需求详情');
    expect(app.page.text()).toContain(TEXT);
    expect(app.page.text()).toContain('等待社区审核');
    expect(app.page.text()).toContain('撤回需求');
  });
  const mine = await ok(t, RESIDENT, 'order', 'listMine', {});
  expect(mine.items).toHaveLength(1);
  expect(mine.items[0]).toMatchObject({ kind: '维修', text: TEXT, status: 'submitted', compound: '幸福小区' });
});

test('a member takes the published request, then sees the contact; marks it done; the resident rates it', async () => {
  const [order] = (await ok(t, RESIDENT, 'order', 'listMine', {})).items;
  await ok(t, STAFF, 'order', 'publish', { orderId: order.id });
  const detail = `${ROUTES.orderDetail.path}?id=${order.id}`;
  const yesterday = chinaTime(Date.now()).subtract(1, 'day').format('YYYY-MM-DD');

  await withApp({ cloud: t.cloud, openid: MEMBER, url: detail }, async (app) => {
    const page = app.page;
    expect(page.text()).toContain('我来领办');
    expect(page.text()).not.toContain(PHONE);
    expect(page.text()).not.toContain('501');
    await page.tap('我来领办');
    expect(page.text()).toContain('您已领办，请联系居民办理');
    expect(page.text()).toContain('居民联系方式');
    expect(page.text()).toContain(PHONE);
    expect(page.text()).toContain('幸福小区3栋2单元501');
    // Taken two days ago: the functions' clock catches up with the phone's.
    t.cloud.clock.advance(2 * DAY);

    await page.tap('办好了');
    expect(app.records.navigations.at(-1)).toEqual({
      api: 'navigateTo',
      url: `${ROUTES.orderDone.path}?id=${order.id}`,
    });
    const done = app.page;
    await done.input('办理情况', '已上门更换水龙头，试过不再漏水');
    const [date, start, end] = pickers(app);
    await done.trigger(date as never, 'change', { value: yesterday });
    await done.trigger(start as never, 'change', { value: '09:00' });
    await done.trigger(end as never, 'change', { value: '10:00' });
    app.answerSubscription('accept');
    await done.tap('提交办理情况');
    expect(app.records.subscriptions.at(-1)?.tmplIds).toHaveLength(1);
    expect(app.page.heading).toBe('需求详情');
    expect(app.page.text()).toContain('已办好，等待确认');
  });
  expect(await storedDoc(t, 'orders', order.id)).toMatchObject({ status: 'done', takerId: MEMBER });

  await withApp({ cloud: t.cloud, openid: RESIDENT, url: detail }, async (app) => {
    const page = app.page;
    expect(page.text()).toContain('党员说已经办好了，请您确认并评价。');
    expect(page.text()).not.toContain('我来领办');
    await page.tap('确认办好并评价');
    expect(page.text()).toContain('请选择星级');
    await page.tap('4星');
    expect(page.text()).toContain('您选了4星：满意');
    await page.input('想说的话（可以不写）', '谢谢小伙子');
    await page.tap('确认办好并评价');
    expect(page.text()).toContain('已确认办好，谢谢您的评价');
    expect(page.text()).toContain('已完成');
    expect(page.text()).toContain('★★★★☆（4星）');
  });
  expect(await storedDoc(t, 'orders', order.id)).toMatchObject({
    status: 'rated',
    rating: { stars: 4, comment: '谢谢小伙子', by: 'resident' },
  });
});

test('a second member is told another took it, and the page shows the request as it is now', async () => {
  await verifiedMember(t, 'order-member-2', 'U01');
  await ok(t, 'order-member-2', 'checkin', 'checkIn', { communityId: 'C01' });
  const { order } = await ok(t, RESIDENT, 'order', 'post', {
    kind: '生活帮扶',
    text: '帮忙买一袋大米送上楼',
    wantedBy: t.cloud.clock.now() + 86_400_000,
    photos: [],
  });
  await ok(t, STAFF, 'order', 'publish', { orderId: order.id });
  await withApp(
    { cloud: t.cloud, openid: 'order-member-2', url: `${ROUTES.orderDetail.path}?id=${order.id}` },
    async (app) => {
      expect(app.page.text()).toContain('我来领办');
      await ok(t, MEMBER, 'order', 'take', { orderId: order.id });
      await app.page.tap('我来领办');
      expect(app.page.text()).toContain('这个需求已经被其他党员领办了');
      expect(app.page.text()).not.toContain('我来领办');
      expect(app.page.text()).not.toContain(PHONE);
    },
  );
  expect(await storedDoc(t, 'orders', order.id)).toMatchObject({ status: 'taken', takerId: MEMBER });
});
