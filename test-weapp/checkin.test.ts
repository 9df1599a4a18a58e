/**
 * 报到 in the real mini-program: the weapp build (dist/) in WeChat DevTools, driven by miniprogram-automator.
 *
 *   WECHAT_DEVTOOLS_CLI=/Applications/wechatwebdevtools.app/Contents/MacOS/cli npm run test:weapp
 *
 * Preconditions (this is not the local cloud: nothing is seeded):
 * - DevTools is logged in, its 服务端口 (Settings → Security) is on, and project.config.json has an appid with a
 *   cloud environment that the build targets (TARO_APP_CLOUD_ENV, or the default environment).
 * - The signed-in person is whoever DevTools is logged in as: their OPENID must be a registered 在职党员 that the
 *   unit has confirmed (已确认). Register once in the mini-program and confirm the registration as the unit admin.
 * - The community WEAPP_TEST_COMMUNITY (default C01) exists. Checking in is real: the first run checks that account
 *   in there; later runs find it already checked in (「已报到」) and check the same page.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import automator from 'miniprogram-automator';
import type Element from 'miniprogram-automator/out/Element';
import type MiniProgram from 'miniprogram-automator/out/MiniProgram';
import type Page from 'miniprogram-automator/out/Page';
import { SERVICE_CARD_NO } from '../domain/service-card';
import { ROUTES, checkInUrl } from '../src/routes';

const NEEDS_DEVTOOLS = '这组测试需要微信开发者工具：请设置 WECHAT_DEVTOOLS_CLI 指向开发者工具的 cli';
const CLI = process.env.WECHAT_DEVTOOLS_CLI;
// Fail the whole file at once, with one plain message, where there is no DevTools (never skip).
if (!CLI) throw new Error(NEEDS_DEVTOOLS);
const cliPath: string = CLI;

const PROJECT = path.resolve(__dirname, '..');
const COMMUNITY = process.env.WEAPP_TEST_COMMUNITY || 'C01';
/** Page paths as miniprogram-automator reports them (no leading slash). */
const HOME = ROUTES.home.path.slice(1);
const CHECK_IN = ROUTES.checkIn.path.slice(1);

let miniProgram: MiniProgram;

beforeAll(async () => {
  if (!existsSync(cliPath)) throw new Error(`${NEEDS_DEVTOOLS}（现在的 ${cliPath} 不存在）`);
  if (!existsSync(path.join(PROJECT, 'dist', 'app.json'))) {
    throw new Error('dist/ 里没有小程序：先运行 npm run build:weapp');
  }
  miniProgram = await automator.launch({ cliPath, projectPath: PROJECT, trustProject: true, timeout: 180_000 });
}, 300_000);

afterAll(async () => {
  if (miniProgram) await miniProgram.close();
});

/** Polls `probe` until it returns something other than undefined, or fails saying what never happened. */
async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`等了 ${timeoutMs / 1000} 秒，${what}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

async function texts(page: Page, selector: string): Promise<{ el: Element; text: string }[]> {
  const els = ((await page.$$(selector)) ?? []) as Element[];
  return Promise.all(els.map(async (el) => ({ el, text: (await el.text()).trim() })));
}

async function alertText(page: Page): Promise<string | undefined> {
  const [alert] = await texts(page, '.rb-alert');
  return alert?.text;
}

async function button(page: Page, label: string): Promise<Element | undefined> {
  return (await texts(page, 'button')).find((b) => b.text === label)?.el;
}

async function open(url: string): Promise<Page> {
  const page = await miniProgram.reLaunch(url);
  if (!page) throw new Error(`打不开 ${url}`);
  return page;
}

/** 首页's 在职党员 card, once the page has its data (fails with the page's error message if it shows one). */
async function homeStatusCard(): Promise<string> {
  const page = await open(ROUTES.home.path);
  return waitFor('首页没有显示「在职党员」卡片', async () => {
    const error = await alertText(page);
    if (error) throw new Error(`首页显示错误：${error}`);
    return (await texts(page, '.rb-card')).find((c) => c.text.includes('在职党员'))?.text;
  });
}

describe('报到（微信开发者工具）', () => {
  test('首页: the DevTools account is a confirmed 在职党员', async () => {
    const card = await homeStatusCard();
    if (!card.includes('已确认')) {
      throw new Error(
        `开发者工具登录的微信号还不是已确认的在职党员，请先在小程序里注册，并由单位党组织确认。首页显示：${card}`,
      );
    }
  });

  test(`报到 at ${COMMUNITY} (or find it done) gives an 活动证号`, async () => {
    const page = await open(checkInUrl(COMMUNITY));
    expect(page.path).toBe(CHECK_IN);

    const state = await waitFor(`报到页没有出现「报到」按钮，也没有「已报到」`, async () => {
      const error = await alertText(page);
      if (error) throw new Error(`报到页显示错误：${error}`);
      if (await page.$('.rb-service-card-no')) return 'done' as const;
      if (await button(page, '报到')) return 'none' as const;
      if (await button(page, '转到本社区')) return 'elsewhere' as const;
      if ((await texts(page, '.rb-card')).some((c) => c.text.includes('请先注册'))) return 'notMember' as const;
      return undefined;
    });
    if (state === 'notMember') throw new Error('报到页说这个微信号还没有注册为在职党员');
    if (state === 'elsewhere') {
      throw new Error(`这个微信号已在别的社区报到：把 WEAPP_TEST_COMMUNITY 设为那个社区（现在是 ${COMMUNITY}）`);
    }
    if (state === 'none') {
      const checkIn = await button(page, '报到');
      if (!checkIn) throw new Error('「报到」按钮不见了');
      await checkIn.tap();
    }

    const cardNo = await waitFor('报到后没有显示活动证号', async () => {
      const error = await alertText(page);
      if (error) throw new Error(`报到失败：${error}`);
      return (await texts(page, '.rb-service-card-no'))[0]?.text;
    });
    expect(cardNo).toMatch(SERVICE_CARD_NO);
    expect((await texts(page, '.rb-title')).map((t) => t.text)).toContain('已报到');

    // 首页 now shows the same 活动证.
    expect(await homeStatusCard()).toContain(cardNo);
  });

  describe('首页「扫码报到」', () => {
    afterEach(async () => {
      if (miniProgram) await miniProgram.restoreWxMethod('scanCode');
    });

    async function scan(result: { result: string; path: string }): Promise<Page> {
      await miniProgram.mockWxMethod('scanCode', {
        ...result,
        scanType: 'WX_CODE',
        charSet: 'utf-8',
        errMsg: 'scanCode:ok',
      });
      await homeStatusCard();
      const home = await miniProgram.currentPage();
      if (!home) throw new Error('没有当前页面');
      const scanButton = await waitFor('首页没有「扫码报到」按钮', () => button(home, '扫码报到'));
      await scanButton.tap();
      return home;
    }

    test('a community code opens its check-in page', async () => {
      await scan({ result: '', path: `${CHECK_IN}?scene=${COMMUNITY}` });
      const page = await waitFor('扫码后没有打开报到页', async () => {
        const current = await miniProgram.currentPage();
        return current?.path === CHECK_IN ? current : undefined;
      });
      expect(page.query).toMatchObject({ scene: COMMUNITY });
    });

    test('any other code says so and stays on 首页', async () => {
      const home = await scan({ result: 'https://example.com/not-a-community', path: '' });
      const message = await waitFor('扫了别的码，首页没有提示', () => alertText(home));
      expect(message).toBe('这不是社区报到码，请扫描社区张贴的报到码');
      expect((await miniProgram.currentPage())?.path).toBe(HOME);
    });
  });
});
