import type { TestCloud } from 'wx-local-cloud/testing';
import {
  ok,
  registration,
  seedCounty,
  startFunctionsCloud,
  storedDoc,
  verifiedMember,
} from '../cloudfunctions/test/helpers';
import { phoneCodeFor, withApp } from './harness';
import jsQR from 'jsqr';
import { GifReader } from 'omggif';
import { attendanceRecordId } from '../domain/attendance';
import { ROUTES } from '../src/routes';
import { SIGN_IN_PAGE } from '../types';
import { PNG } from 'pngjs';
import { chinaTime } from '../domain/time';

// The paths only the mini-program takes: the camera, WeChat's phone button, native dialogs and the page stack.
let t: TestCloud;
beforeAll(async () => {
  t = await startFunctionsCloud();
  await seedCounty(t);
});
afterAll(() => t.close());

describe('首页 扫码报到 → scanCode → 社区报到 → 报到', () => {
  test('a verified member scans the community code and checks in', async () => {
    await verifiedMember(t, 'scan-member-001');
    await withApp({ cloud: t.cloud, openid: 'scan-member-001' }, async (app) => {
      app.answerScan({ result: '', path: 'pages/check-in/index?scene=C01' });
      await app.page.tap('扫码报到');

      expect(app.records.scans).toEqual([{ onlyFromCamera: true, answered: expect.anything() }]);
      expect(app.records.navigations).toEqual([{ api: 'navigateTo', url: '/pages/check-in/index?scene=C01' }]);
      expect(app.stack).toEqual(['pages/index/index', 'pages/check-in/index']);
      expect(app.page.heading).toBe('东街社区');

      await app.page.tap('报到');
      expect(app.page.text()).toContain('已报到');
      const member = await storedDoc(t, 'members', 'scan-member-001');
      expect(member.communityId).toBe('C01');
      expect(app.page.text()).toContain(member.serviceCardNo);
    });
  });

  test('a code that is not a community code says so and opens nothing; a cancelled scan does nothing', async () => {
    await withApp({ cloud: t.cloud, openid: 'scan-member-002' }, async (app) => {
      app.answerScan({ result: 'https://example.com/some/other/code' });
      await app.page.tap('扫码报到');
      expect(app.page.text()).toContain('这不是社区报到码');
      app.answerScan('cancel');
      await app.page.tap('扫码报到');
      expect(app.records.navigations).toEqual([]);
      expect(app.stack).toEqual(['pages/index/index']);
    });
  });
});

describe('注册 with WeChat phone button', () => {
  test('the phone code goes through the cloud phone API and the registration waits for the unit', async () => {
    await withApp({ cloud: t.cloud, openid: 'phone-member-001', url: '/pages/register/index' }, async (app) => {
      const page = app.page;
      await page.input('姓名', '陈晓明');
      await page.sharePhone('微信手机号快捷填写', phoneCodeFor('13912345678'));
      expect(page.text()).toContain('已获取微信手机号');
      await page.pick('工作单位', 0);
      await page.tap('民事代办');
      await page.input('一句话承诺', '邻里有事，随叫随到');
      await page.tap('提交注册');

      expect(page.text()).toContain('已提交，等待单位党组织确认');
      const member = await storedDoc(t, 'members', 'phone-member-001');
      expect(member).toMatchObject({ name: '陈晓明', phone: '13912345678', unitId: 'U01', status: 'unverified' });
    });
  });

  test('declining the phone button asks for the number to be typed, and nothing is registered', async () => {
    await withApp({ cloud: t.cloud, openid: 'phone-member-002', url: '/pages/register/index' }, async (app) => {
      await app.page.refusePhone('微信手机号快捷填写');
      expect(app.page.text()).toContain('没有获取到微信手机号，请直接输入手机号');
      expect(await storedDoc(t, 'members', 'phone-member-002')).toBeNull();
    });
  });
});

describe('单位党组织 confirms a member', () => {
  test('confirm straight away; reject only after the dialog is confirmed', async () => {
    await ok(t, 'unit-member-001', 'user', 'register', registration({ unitId: 'U01', name: '林一' }));
    await ok(t, 'unit-member-002', 'user', 'register', registration({ unitId: 'U01', name: '林二' }));
    await withApp(
      {
        cloud: t.cloud,
        openid: 'admin-U01',
        url: '/subpackages/unit-admin/members/index',
      },
      async (app) => {
        const page = app.page;
        expect(page.heading).toBe('党员身份确认');
        const row = (name: string) =>
          page.findAll({ selector: '[class*="rb-list"] > *' }).find((li) => li.textContent?.includes(name));
        const first = row('林一');
        if (!first) throw new Error('林一 is not listed');
        await page.tap(page.findAll('确认').find((button) => first.contains(button)) ?? '确认');
        expect(page.text()).toContain('已确认「林一」是本单位党员');
        expect((await storedDoc(t, 'members', 'unit-member-001')).status).toBe('verified');

        const second = row('林二');
        if (!second) throw new Error('林二 is not listed');
        const reject = page.findAll('不是本单位党员').find((button) => second.contains(button));
        if (!reject) throw new Error('no reject button for 林二');
        app.answerModal(false);
        await page.tap(reject);
        expect(app.records.modals.at(-1)).toMatchObject({
          title: '确认操作',
          content: '确定「林二」不是本单位党员吗？',
          confirmed: false,
        });
        expect((await storedDoc(t, 'members', 'unit-member-002')).status).toBe('unverified');

        app.answerModal(true);
        await page.tap(reject);
        expect(page.text()).toContain('已标记「林二」不是本单位党员');
        expect((await storedDoc(t, 'members', 'unit-member-002')).status).toBe('rejected');
      },
    );
  });
});

describe('links and the app coming back', () => {
  test('首页 注册为在职党员 is a native <navigator> that opens the registration page', async () => {
    await withApp({ cloud: t.cloud, openid: 'link-resident-001' }, async (app) => {
      await app.page.tap('注册为在职党员');
      expect(app.records.navigations).toEqual([{ api: 'navigateTo', url: '/pages/register/index' }]);
      expect(app.stack).toEqual(['pages/index/index', 'pages/register/index']);
      expect(app.page.heading).toBe('在职党员注册');
    });
  });

  test('首页 shows the unit’s decision once the app comes back from the background', async () => {
    await ok(t, 'back-member-001', 'user', 'register', registration({ unitId: 'U01', name: '回来了' }));
    await withApp({ cloud: t.cloud, openid: 'back-member-001' }, async (app) => {
      expect(app.page.text()).toContain('回来了（县财政局）待确认');
      await ok(t, 'admin-U01', 'unit', 'verifyMember', { memberId: 'back-member-001', decision: 'verify' });
      await app.leaveAndReturn();
      expect(app.page.text()).toContain('身份：居民、在职党员');
      expect(app.page.text()).not.toContain('待确认');
    });
  });
});

/** The text of the QR in a GIF data URL, as a phone's camera reads the staff screen. */
function readGifQr(dataUrl: string): string | null {
  const gif = new GifReader(Buffer.from(dataUrl.replace(/^data:image\/gif;base64,/, ''), 'base64'));
  const pixels = new Uint8ClampedArray(gif.width * gif.height * 4);
  gif.decodeAndBlitFrameRGBA(0, pixels);
  return jsQR(pixels, gif.width, gif.height)?.data ?? null;
}

describe('活动签到码 on the staff phone → 首页 扫码签到 → scanCode → 活动签到', () => {
  test('staff show the rotating code; a member scans it with the app and is signed in', async () => {
    const memberId = 'sign-in-member-001';
    await verifiedMember(t, memberId);
    await ok(t, memberId, 'checkin', 'checkIn', { communityId: 'C01' });
    const now = t.cloud.clock.now();
    const { activity } = await ok(t, 'staff-C01', 'activity', 'save', {
      title: '小区义诊',
      place: '东街社区卫生站',
      startsAt: now - 5 * 60_000,
      endsAt: now + 2 * 3_600_000,
      geo: null,
      capacity: 30,
      postId: null,
    });

    let scanned: string | null = null;
    const codeUrl = `${ROUTES.activityCode.path}?id=${activity.id}`;
    await withApp({ cloud: t.cloud, openid: 'staff-C01', url: codeUrl }, async (app) => {
      expect(app.page.text()).toContain('小区义诊');
      scanned = readGifQr(String(app.page.props({ selector: 'wx-image' }).src));
    });
    // The build's registered prefix, carrying the activity's code.
    expect(scanned).toMatch(
      new RegExp(`^https://hxz\\.example\\.gov\\.cn/qd\\?c=${activity.id}\\.\\d+\\.[0-9a-f]{16}$`),
    );

    await withApp({ cloud: t.cloud, openid: memberId }, async (app) => {
      app.answerScan({ result: scanned ?? '' });
      await app.page.tap('扫码签到');
      expect(app.stack).toEqual(['pages/index/index', SIGN_IN_PAGE]);
      expect(app.page.text()).toContain('已签到');
      expect(app.page.text()).toContain('小区义诊');
    });
    const record = await storedDoc(t, 'serviceRecords', attendanceRecordId(activity.id, memberId));
    expect(record).toMatchObject({ memberId, source: 'activity', status: 'signedIn', byStaff: false });
  });
});

describe('记录服务 with a photo → uploadFile; 服务认定 → confirm', () => {
  test('a member reports with a photo chosen, compressed and uploaded; staff confirm it from the queue', async () => {
    const memberId = 'photo-member-001';
    await verifiedMember(t, memberId);
    await ok(t, memberId, 'checkin', 'checkIn', { communityId: 'C01' });
    const { post } = await ok(t, 'staff-C01', 'post', 'save', {
      kind: '邻里互助岗',
      duty: '帮独居老人取药买菜',
      forWhom: '东街社区独居老人',
      capacity: 5,
      until: t.cloud.clock.now() + 7 * 86_400_000,
    });
    await ok(t, memberId, 'post', 'claim', { postId: post.id });
    const yesterday = chinaTime(t.cloud.clock.now()).subtract(1, 'day').format('YYYY-MM-DD');

    await withApp({ cloud: t.cloud, openid: memberId, url: ROUTES.report.path }, async (app) => {
      const page = app.page;
      expect(page.heading).toBe('记录服务');
      expect(page.text()).toContain('邻里互助岗：帮独居老人取药买菜');
      const [, date, start, end] = page.findAll({ selector: 'wx-picker' });
      await page.trigger(date, 'change', { value: yesterday });
      await page.trigger(start, 'change', { value: '09:00' });
      await page.trigger(end, 'change', { value: '10:30' });
      await page.input('做了什么', '陪王奶奶去社区医院取药');
      const photo = app.tempFile(PNG.sync.write(new PNG({ width: 2, height: 2 })), 'png');
      app.answerMedia([photo]);
      await page.tap('添加照片');
      expect(page.findAll({ selector: '[class*="rb-photos__image"]' })).toHaveLength(1);
      await page.tap('提交记录');
      expect(page.text()).toContain('已提交，等待社区认定');
    });

    const mine = await ok(t, memberId, 'record', 'listMine', {});
    expect(mine.items).toHaveLength(1);
    const record = mine.items[0];
    expect(record).toMatchObject({ status: 'pending', source: 'selfReported', minutes: 90 });
    expect(record.photos).toHaveLength(1);
    // The photo went up with wx.cloud.uploadFile from the member's phone: the stored file is their own upload.
    expect(t.cloud.storage.describe(record.photos[0])).toMatchObject({ owner: memberId, contentType: 'image/png' });

    await withApp({ cloud: t.cloud, openid: 'staff-C01', url: ROUTES.stampQueue.path }, async (app) => {
      const page = app.page;
      expect(page.text()).toContain('陪王奶奶去社区医院取药');
      const item = page
        .findAll({ selector: '[class*="rb-list__item"]' })
        .find((li) => li.textContent?.includes('陪王奶奶去社区医院取药'));
      if (!item) throw new Error('the report is not in the queue');
      const confirm = page.findAll('认定').find((button) => item.contains(button));
      if (!confirm) throw new Error('no 认定 button on the report');
      await page.tap(confirm);
      expect(page.text()).toContain('已认定1条');
      expect(page.text()).not.toContain('陪王奶奶去社区医院取药');
    });
    expect(await storedDoc(t, 'serviceRecords', record.id)).toMatchObject({
      status: 'confirmed',
      decidedBy: 'staff-C01',
    });
  });
});
