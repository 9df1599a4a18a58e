import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { type InvokeOutcome, type LocalCloud, startLocalCloud } from '../dist/index';
import { type TestCloud, rejection, startTestCloud } from 'wx-local-cloud/testing';
import { FUNCTIONS_DIR } from './fixtures';

const QR_TEMPLATE = 'https://example.test/#/{page}?scene={scene}';
const BLOCKED = ['违禁词', 'spamword'];
/**
 * Drawing a QR code takes over a second inside jest's sandbox (and more on a busy machine); the cloud's default of
 * 3 s would make the qr function time out now and then, which is not what these tests are about.
 */
const FUNCTION_TIMEOUT_MS = 30000;

let t: TestCloud;
beforeAll(async () => {
  t = await startTestCloud({
    functionsDir: FUNCTIONS_DIR,
    qrUrlTemplate: QR_TEMPLATE,
    blockedWords: BLOCKED,
    defaultTimeoutMs: FUNCTION_TIMEOUT_MS,
  });
});
afterAll(() => t.close());

/** The text of the QR code in a PNG, or fails the test. */
function decodeQr(png: Buffer): string {
  const image = PNG.sync.read(png);
  const code = jsQR(
    new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.length),
    image.width,
    image.height,
    {
      inversionAttempts: 'dontInvert',
    },
  );
  if (!code) throw new Error('no QR code found in the PNG');
  return code.data;
}

/** The page and scene a browser URL of the H5 hash route carries. */
function hashRoute(url: string): { base: string; page: string; scene: string | null } {
  const parsed = new URL(url);
  const hash = parsed.hash.replace(/^#\//, '');
  const [page, query = ''] = hash.split('?');
  return { base: `${parsed.origin}${parsed.pathname}`, page, scene: new URLSearchParams(query).get('scene') };
}

/** The result of a successful invocation, or fails the test with the outcome. */
function resultOf<T>(outcome: InvokeOutcome): T {
  if (!outcome.ok) throw new Error(`expected success, got ${outcome.errCode}: ${outcome.errMsg}`);
  return outcome.result as T;
}

interface QrResult {
  contentType: string;
  buffer: Buffer;
}

describe('wxacode.getUnlimited', () => {
  test('returns a PNG whose QR code is the configured browser URL with the same scene', async () => {
    const scene = 'c=community-17&r=2';
    const res = (await t.sdk.openapi.wxacode.getUnlimited({
      scene,
      page: 'pages/check-in/index',
      checkPath: false,
    })) as QrResult;
    expect(res.contentType).toBe('image/png');
    expect(Buffer.isBuffer(res.buffer)).toBe(true);
    expect(res.buffer.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);

    const text = decodeQr(res.buffer);
    expect(text.startsWith('https://example.test/#/pages/check-in/index?')).toBe(true);
    expect(hashRoute(text)).toEqual({ base: 'https://example.test/', page: 'pages/check-in/index', scene });
  });

  test('every allowed scene character survives the round trip', async () => {
    const scene = "a1!#$&'()*+,/:;=?@-._~Z";
    const res = (await t.sdk.openapi.wxacode.getUnlimited({
      scene,
      page: 'pages/x/index',
      checkPath: false,
    })) as QrResult;
    expect(hashRoute(decodeQr(res.buffer))).toMatchObject({ page: 'pages/x/index', scene });
  });

  test('a scene of exactly 32 characters is accepted', async () => {
    const scene = 'S'.repeat(32);
    const res = (await t.sdk.openapi.wxacode.getUnlimited({
      scene,
      page: 'pages/x/index',
      checkPath: false,
    })) as QrResult;
    expect(hashRoute(decodeQr(res.buffer)).scene).toBe(scene);
  });

  test('the width option changes the image size', async () => {
    const small = (await t.sdk.openapi.wxacode.getUnlimited({ scene: 'w', width: 280, checkPath: false })) as QrResult;
    const large = (await t.sdk.openapi.wxacode.getUnlimited({ scene: 'w', width: 560, checkPath: false })) as QrResult;
    expect(PNG.sync.read(large.buffer).width).toBeGreaterThan(PNG.sync.read(small.buffer).width);
    expect(hashRoute(decodeQr(small.buffer))).toMatchObject({ page: 'pages/index/index', scene: 'w' });
  });

  test.each([
    ['too long (33 characters)', 'x'.repeat(33)],
    ['Chinese characters', '社区=1'],
    ['a percent sign', 'a%20b'],
    ['a space', 'a b'],
    ['empty', ''],
  ])('an invalid scene (%s) rejects with errCode 40169', async (_why, scene) => {
    const error = await rejection(
      t.sdk.openapi.wxacode.getUnlimited({ scene, page: 'pages/x/index', checkPath: false }),
    );
    expect(error.errCode).toBe(40169);
  });
});

describe('security.msgSecCheck v2', () => {
  interface SecCheck {
    errCode: number;
    result: { suggest: string; label: number };
    detail: { keyword?: string; suggest?: string }[];
    traceId: string;
  }

  test('clean text: suggest pass, label 100, errCode 0', async () => {
    const res = (await t.sdk.openapi.security.msgSecCheck({
      content: '今天在社区帮忙打扫楼道 hello neighbours',
      version: 2,
      scene: 2,
      openid: 'o-clean',
    })) as SecCheck;
    expect(res.errCode).toBe(0);
    expect(res.result).toEqual({ suggest: 'pass', label: 100 });
    expect(typeof res.traceId).toBe('string');
  });

  test.each(BLOCKED)(
    'text with the configured word %s: suggest risky with the keyword, errCode still 0',
    async (word) => {
      const res = (await t.sdk.openapi.security.msgSecCheck({
        content: `前面的话 ${word} 后面的话`,
        version: 2,
        scene: 2,
        openid: 'o-risky',
      })) as SecCheck;
      expect(res.errCode).toBe(0);
      expect(res.result.suggest).toBe('risky');
      expect(res.result.label).not.toBe(100);
      expect(res.detail.map((d) => d.keyword)).toContain(word);
    },
  );

  test('a configured word in the title is caught too', async () => {
    const res = (await t.sdk.openapi.security.msgSecCheck({
      content: 'harmless',
      title: 'spamword offer',
      version: 2,
      scene: 3,
      openid: 'o-title',
    })) as SecCheck;
    expect(res.result.suggest).toBe('risky');
  });
});

describe('subscribeMessage.send', () => {
  test('the message lands in the outbox with its data, in process and over HTTP', async () => {
    const data = {
      thing1: { value: '社区报到提醒' },
      time2: { value: '2024年10月1日 15:01' },
      number3: { value: '3' },
    };
    const res = (await t.sdk.openapi.subscribeMessage.send({
      touser: 'o-sub-1',
      templateId: 'TPL_CHECKIN',
      page: 'pages/check-in/index?id=9',
      data,
      miniprogramState: 'developer',
    })) as { errCode: number };
    expect(res.errCode).toBe(0);
    await t.sdk.openapi.subscribeMessage.send({
      touser: 'o-sub-2',
      templateId: 'TPL_OTHER',
      data: { thing1: { value: 'x' } },
    });

    const mine = t.cloud.outbox.list('o-sub-1');
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      touser: 'o-sub-1',
      templateId: 'TPL_CHECKIN',
      page: 'pages/check-in/index?id=9',
      data,
      miniprogramState: 'developer',
    });
    expect(t.cloud.outbox.list().map((m) => m.touser)).toEqual(expect.arrayContaining(['o-sub-1', 'o-sub-2']));

    const http = await fetch(`${t.cloud.url}/_dev/outbox?touser=o-sub-1`);
    expect(http.status).toBe(200);
    const body = (await http.json()) as { messages: { touser: string; templateId: string; data: unknown }[] };
    expect(body.messages).toHaveLength(1);
    expect(body.messages[0]).toMatchObject({ touser: 'o-sub-1', templateId: 'TPL_CHECKIN', data });
  });

  test('a missing template id rejects with 47003 and sends nothing', async () => {
    const before = t.cloud.outbox.list().length;
    const error = await rejection(
      t.sdk.openapi.subscribeMessage.send({
        touser: 'o-sub-3',
        page: 'pages/x/index',
        data: { thing1: { value: 'x' } },
      }),
    );
    expect(error.errCode).toBe(47003);
    expect(t.cloud.outbox.list()).toHaveLength(before);
    expect(t.cloud.outbox.list('o-sub-3')).toEqual([]);
  });
});

describe('phonenumber.getPhoneNumber', () => {
  test('an 11-digit code gives that phone number', async () => {
    const res = (await t.sdk.openapi.phonenumber.getPhoneNumber({ code: '13800138000' })) as {
      errCode: number;
      phoneInfo: { phoneNumber: string; purePhoneNumber: string; countryCode: string };
    };
    expect(res.errCode).toBe(0);
    expect(res.phoneInfo.phoneNumber).toBe('13800138000');
    expect(res.phoneInfo.purePhoneNumber).toBe('13800138000');
    expect(res.phoneInfo.countryCode).toBe('86');
  });

  test.each(['not-a-code', '1380013800', '23800138000'])('the bad code %s rejects with 40029', async (code) => {
    const error = await rejection(t.sdk.openapi.phonenumber.getPhoneNumber({ code }));
    expect(error.errCode).toBe(40029);
  });
});

describe('open API from inside a function', () => {
  test('qr (permitted) gets a PNG that decodes to the browser URL with its scene', async () => {
    const { outcome } = await t.cloud.invoke('qr', { scene: 'c=42' }, { openid: 'o-fn' });
    const result = resultOf<{ contentType: string; png: string }>(outcome);
    expect(result.contentType).toBe('image/png');
    const text = decodeQr(Buffer.from(result.png, 'base64'));
    expect(hashRoute(text)).toEqual({ base: 'https://example.test/', page: 'pages/check-in/index', scene: 'c=42' });
  });

  test('noperm (no openapi permission in config.json) gets errCode -604101', async () => {
    const { outcome } = await t.cloud.invoke('noperm', {}, { openid: 'o-fn' });
    expect(outcome).toMatchObject({ ok: true, result: { refused: true, errCode: -604101 } });
  });
});

describe('a cloud with the default QR template and functions of its own', () => {
  let cloud: LocalCloud;
  let dataDir: string;
  let functionsDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'local-cloud-openapi-'));
    functionsDir = join(dataDir, 'functions-src');
    // Functions outside the repository resolve wx-server-sdk by its absolute path.
    const sdkPath = JSON.stringify(require.resolve('wx-server-sdk'));
    cpSync(join(FUNCTIONS_DIR, 'qr'), join(functionsDir, 'qr'), { recursive: true });
    const qrEntry = join(functionsDir, 'qr', 'index.js');
    writeFileSync(qrEntry, readFileSync(qrEntry, 'utf8').replace("require('wx-server-sdk')", `require(${sdkPath})`));
    // A function allowed to send subscribe messages, and one that is not.
    const notify = (name: string, permissions: string[]) => {
      mkdirSync(join(functionsDir, name), { recursive: true });
      writeFileSync(join(functionsDir, name, 'config.json'), JSON.stringify({ permissions: { openapi: permissions } }));
      writeFileSync(
        join(functionsDir, name, 'index.js'),
        `const cloud = require(${sdkPath});
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });
exports.main = async (event) => {
  try {
    const res = await cloud.openapi.subscribeMessage.send({
      touser: cloud.getWXContext().OPENID,
      templateId: event.templateId,
      page: 'pages/index/index',
      data: { thing1: { value: event.text } },
    });
    return { sent: true, errCode: res.errCode };
  } catch (error) {
    return { sent: false, errCode: error.errCode, errMsg: error.errMsg };
  }
};
`,
      );
    };
    notify('notify', ['subscribeMessage.send']);
    notify('notifyNoPerm', ['wxacode.getUnlimited']);
    cloud = await startLocalCloud({
      dataDir: join(dataDir, 'data'),
      functionsDir,
      defaultTimeoutMs: FUNCTION_TIMEOUT_MS,
    });
  });
  afterAll(async () => {
    await cloud.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  test("the default template encodes the server's own URL", async () => {
    const { outcome } = await cloud.invoke('qr', { scene: 'room=5' }, { openid: 'o-default' });
    const { png } = resultOf<{ png: string }>(outcome);
    const text = decodeQr(Buffer.from(png, 'base64'));
    expect(text.startsWith(`${cloud.url}/#/pages/check-in/index?`)).toBe(true);
    expect(hashRoute(text)).toEqual({ base: `${cloud.url}/`, page: 'pages/check-in/index', scene: 'room=5' });
  });

  test('a permitted function sends to its caller: the outbox records the message and the function', async () => {
    const { outcome } = await cloud.invoke(
      'notify',
      { templateId: 'TPL_FN', text: '报到成功' },
      { openid: 'o-notified' },
    );
    expect(outcome).toMatchObject({ ok: true, result: { sent: true, errCode: 0 } });
    const messages = cloud.outbox.list('o-notified');
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({
      touser: 'o-notified',
      templateId: 'TPL_FN',
      data: { thing1: { value: '报到成功' } },
      fromFunction: 'notify',
    });
    const http = (await (await fetch(`${cloud.url}/_dev/outbox?touser=o-notified`)).json()) as {
      messages: { fromFunction?: string; templateId: string }[];
    };
    expect(http.messages).toEqual([expect.objectContaining({ templateId: 'TPL_FN', fromFunction: 'notify' })]);
  });

  test('a function permitted only other APIs gets -604101 and sends nothing', async () => {
    const { outcome } = await cloud.invoke(
      'notifyNoPerm',
      { templateId: 'TPL_NO', text: 'x' },
      { openid: 'o-blocked' },
    );
    expect(outcome).toMatchObject({ ok: true, result: { sent: false, errCode: -604101 } });
    expect(cloud.outbox.list('o-blocked')).toEqual([]);
  });
});
