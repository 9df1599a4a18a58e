import { join } from 'node:path';
import { type TestCloud, startTestCloud } from 'wx-local-cloud/testing';
import { launchApp, withApp } from './launch';

// The harness's own promises, on a tiny mini-program whose pages log their lifecycle to the app.
const TINY_APP = join(__dirname, 'fixtures', 'tiny-app');
type Wx = Record<string, (options: Record<string, unknown>) => Promise<unknown>> & {
  cloud: Record<string, (options: Record<string, unknown>) => Promise<Record<string, unknown>>>;
};
const wx = () => (globalThis as unknown as { wx: Wx }).wx;
const appLog = () => (globalThis as unknown as { getApp(): { log: unknown[][] } }).getApp().log;

let t: TestCloud;
beforeAll(async () => {
  t = await startTestCloud();
});
afterAll(() => t.close());

const launchTiny = (url?: string) => launchApp({ cloud: t.cloud, openid: 'person-1', dist: TINY_APP, url });

describe('pages and the page stack, as WeChat keeps them', () => {
  test('lifecycle in WeChat order; the query reaches onLoad undecoded; tab pages stay alive', async () => {
    await withApp({ cloud: t.cloud, openid: 'person-1', dist: TINY_APP }, async (app) => {
      await wx().navigateTo({ url: '/pages/detail/index?name=%E4%B8%9C&n=1' });
      await app.idle();
      expect(app.stack).toEqual(['pages/home/index', 'pages/detail/index']);
      await wx().switchTab({ url: '/pages/list/index' });
      await wx().switchTab({ url: '/pages/home/index' });
      await app.idle();
      expect(app.stack).toEqual(['pages/home/index']);
      expect(appLog()).toEqual([
        ['onLoad', 'pages/home/index', {}],
        ['onShow', 'pages/home/index'],
        ['onReady', 'pages/home/index'],
        ['onHide', 'pages/home/index'],
        ['onLoad', 'pages/detail/index', { name: '%E4%B8%9C', n: '1' }],
        ['onShow', 'pages/detail/index'],
        ['onReady', 'pages/detail/index'],
        ['onHide', 'pages/detail/index'],
        ['onUnload', 'pages/detail/index'],
        ['onLoad', 'pages/list/index', {}],
        ['onShow', 'pages/list/index'],
        ['onReady', 'pages/list/index'],
        ['onHide', 'pages/list/index'],
        ['onShow', 'pages/home/index'],
      ]);
      expect(app.records.navigations.map((n) => n.api)).toEqual(['navigateTo', 'switchTab', 'switchTab']);
    });
  });

  test('navigateBack closes the top page and shows the one below', async () => {
    await withApp({ cloud: t.cloud, openid: 'person-1', dist: TINY_APP }, async (app) => {
      await wx().navigateTo({ url: '/pages/detail/index' });
      appLog().length = 0;
      await wx().navigateBack({});
      await app.idle();
      expect(app.stack).toEqual(['pages/home/index']);
      expect(appLog()).toEqual([
        ['onUnload', 'pages/detail/index'],
        ['onShow', 'pages/home/index'],
      ]);
    });
  });

  test.each([
    ['navigateTo', '/pages/list/index', 'navigateTo:fail can not navigateTo a tabbar page'],
    ['redirectTo', '/pages/home/index', 'redirectTo:fail can not redirectTo a tabbar page'],
    ['switchTab', '/pages/detail/index', 'switchTab:fail can not switch to no-tabBar page'],
    ['navigateTo', '/pages/nowhere/index', 'navigateTo:fail page "pages/nowhere/index" is not found'],
    ['navigateBack', '', 'navigateBack:fail cannot navigate back at first page.'],
  ])('%s %s is refused as WeChat refuses it', async (api, url, errMsg) => {
    await withApp({ cloud: t.cloud, openid: 'person-1', dist: TINY_APP }, async (app) => {
      await expect(wx()[api]?.({ url })).rejects.toEqual({ errMsg });
      expect(app.stack).toEqual(['pages/home/index']);
    });
  });

  test('an eleventh page is refused', async () => {
    await withApp({ cloud: t.cloud, openid: 'person-1', dist: TINY_APP }, async (app) => {
      for (let i = 1; i < 10; i += 1) await wx().navigateTo({ url: `/pages/detail/index?i=${i}` });
      expect(app.stack).toHaveLength(10);
      await expect(wx().navigateTo({ url: '/pages/detail/index' })).rejects.toEqual({
        errMsg: 'navigateTo:fail webview count limit exceed',
      });
    });
  });

  test('a disabled button cannot be tapped; an enabled one reaches the page', async () => {
    await withApp({ cloud: t.cloud, openid: 'person-1', dist: TINY_APP }, async (app) => {
      await app.page.tap('按钮');
      expect(appLog().at(-1)).toEqual(['tapped', 'pages/home/index']);
      (globalThis as unknown as { getCurrentPages(): { setData(d: object): void }[] })
        .getCurrentPages()[0]
        ?.setData({ locked: true });
      await app.idle();
      expect(app.page.props('按钮')).toMatchObject({ disabled: true });
      await expect(app.page.tap('按钮')).rejects.toThrow('"按钮" is disabled');
    });
  });
});

describe('strict by default', () => {
  test('a missing template (a WXML runtime warning) fails the test', async () => {
    const app = await launchTiny('/pages/broken/index');
    await expect(app.close()).rejects.toThrow('Template `nowhere` not found');
  });

  test('console.error and an unexpected dialog fail the test', async () => {
    const app = await launchTiny();
    console.error('something broke');
    void wx().showModal({ title: '确定吗？' });
    await app.idle();
    const failure = app.close();
    await expect(failure).rejects.toThrow('console.error: something broke');
    await expect(failure).rejects.toThrow('a dialog the test did not expect: 确定吗？');
  });

  test('an answer lined up and never asked for fails the test', async () => {
    const app = await launchTiny();
    app.answerScan('cancel');
    await expect(app.close()).rejects.toThrow('lined up but never asked for: a scan');
  });

  test('a step that fails keeps its own message, with the problems added', async () => {
    const failing = withApp({ cloud: t.cloud, openid: 'person-1', dist: TINY_APP }, async () => {
      console.error('logged before the failure');
      throw new Error('the step failed');
    });
    await expect(failing).rejects.toThrow(/the step failed[\s\S]*logged before the failure/);
  });
});

describe('wx.cloud on the local cloud', () => {
  const cloudOf = () => wx().cloud;

  test('calls before wx.cloud.init() are refused, as on a phone', async () => {
    await withApp({ cloud: t.cloud, openid: 'person-1', dist: TINY_APP }, async () => {
      await expect(cloudOf().callFunction?.({ name: 'user', data: {} })).rejects.toMatchObject({
        errMsg: expect.stringContaining('请先调用 wx.cloud.init()'),
      });
    });
  });

  test('an upload is its uploader’s: they can read it, another person cannot', async () => {
    const uploaded = await withApp({ cloud: t.cloud, openid: 'owner-1', dist: TINY_APP }, async (app) => {
      cloudOf().init?.({});
      const filePath = app.tempFile(Buffer.from('not really a jpeg'), 'jpg');
      const { fileID } = await cloudOf().uploadFile!({ cloudPath: 'photos/a.jpg', filePath });
      const { fileList } = await cloudOf().getTempFileURL!({ fileList: [fileID] });
      expect(fileList).toEqual([expect.objectContaining({ fileID, status: 0 })]);
      const { tempFilePath } = await cloudOf().downloadFile!({ fileID });
      expect(String(tempFilePath)).toMatch(/^wxfile:\/\/tmp_/);
      return String(fileID);
    });
    expect(t.cloud.storage.describe(uploaded)).toMatchObject({ owner: 'owner-1', contentType: 'image/jpeg' });

    await withApp({ cloud: t.cloud, openid: 'someone-else', dist: TINY_APP }, async () => {
      cloudOf().init?.({});
      const { fileList } = await cloudOf().getTempFileURL!({ fileList: [uploaded] });
      expect(fileList).toEqual([expect.objectContaining({ status: -1, tempFileURL: '' })]);
      await expect(cloudOf().downloadFile!({ fileID: uploaded })).rejects.toMatchObject({
        errMsg: 'cloud.downloadFile:fail STORAGE_EXCEED_AUTHORITY',
      });
    });
  });
});

describe('photos: the album, compression and the viewer', () => {
  test('chooseMedia answers what the test lined up (or a cancel); compressImage gives a new file; previews are kept', async () => {
    await withApp({ cloud: t.cloud, openid: 'person-1', dist: TINY_APP }, async (app) => {
      const photo = app.tempFile(Buffer.from('a photo'), 'jpg');
      app.answerMedia([photo]);
      app.answerMedia('cancel');
      const chosen = (await wx().chooseMedia({ count: 9, mediaType: ['image'] })) as {
        tempFiles: { tempFilePath: string; size: number }[];
      };
      expect(chosen.tempFiles).toEqual([expect.objectContaining({ tempFilePath: photo, size: 7 })]);
      await expect(wx().chooseMedia({ count: 9 })).rejects.toMatchObject({ errMsg: 'chooseMedia:fail cancel' });

      const { tempFilePath } = (await wx().compressImage({ src: photo, quality: 70 })) as { tempFilePath: string };
      expect(tempFilePath).toMatch(/^wxfile:\/\/tmp_[0-9a-f]+\.jpg$/);
      expect(tempFilePath).not.toBe(photo);

      await wx().previewImage({ current: 'https://a/1.png', urls: ['https://a/1.png', 'https://a/2.png'] });
      expect(app.records.previews).toEqual([
        { current: 'https://a/1.png', urls: ['https://a/1.png', 'https://a/2.png'] },
      ]);
    });
  });

  test('a chooser the test did not line up fails the test; a lined-up choice never asked for too', async () => {
    const app = await launchTiny();
    void wx()
      .chooseMedia({ count: 1 })
      .catch(() => undefined);
    app.answerMedia([]);
    app.answerMedia([]);
    await app.idle();
    const failure = app.close();
    await expect(failure).rejects.toThrow('a photo chooser the test did not expect');
    await expect(failure).rejects.toThrow('lined up but never asked for: a photo choice');
  });
});
