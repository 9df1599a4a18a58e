import { REQUEST_LIMITS } from '../../types';
import { DEMO_PERSONAS } from '../src/demo';
import { callApi, login, rawRequest, useTestApp } from './helpers';

/**
 * Issue 7, item 1: one deeply nested request used to end the whole process (a stack overflow in a worker's
 * postMessage, its rejection dropped). Every route that takes a body must answer it — refused for its size or
 * depth before any work — and the server must go on serving.
 */

const DEPTH = 4000;
/** A JSON object text nested `depth` levels (objects only): `{"a":{"a":…{}…}}`. */
const nested = (depth: number) => `${'{"a":'.repeat(depth - 1)}{}${'}'.repeat(depth - 1)}`;
/** A JSON array text nested `depth` levels: `[[[…]]]`. */
const arrays = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
const TOO_LARGE = { ok: false, code: 'REQUEST_TOO_LARGE', message: '提交的内容太多或层次太深，请精简后重试' };

const t = useTestApp();
let cookie: string;
beforeAll(async () => {
  cookie = await login(t.app, DEMO_PERSONAS.resident);
});

/** A request through the app and the cloud that must still work after each deep one. */
async function stillServing(): Promise<void> {
  const res = await callApi(t.app, 'echo', { action: 'ping', data: { n: 1 } }, cookie);
  expect(res.status).toBe(200);
  expect(res.body).toMatchObject({ ok: true, data: { event: { action: 'ping', data: { n: 1 } } } });
}

/** One admin API call on the cloud's own port, with the JSON text as written. */
async function admin(body: string) {
  const res = await rawRequest(t.app.adminUrl, {
    method: 'POST',
    path: '/admin',
    headers: { 'content-type': 'application/json' },
    body,
  });
  expect(res.status).toBe(200);
  return JSON.parse(res.body) as { code?: string; message?: string };
}

describe(`a body nested ${DEPTH} levels is answered on every route that takes one, and the server keeps serving`, () => {
  test('POST /api/<function> → 413 REQUEST_TOO_LARGE', async () => {
    const body = `{"action":"getMe","data":{"a":${arrays(DEPTH)}}}`;
    expect(await callApi(t.app, 'echo', body, cookie)).toEqual({ status: 413, body: TOO_LARGE });
    await stillServing();
  });

  test('POST /dev/login and /dev/logout (JSON forms) → 413 REQUEST_TOO_LARGE', async () => {
    for (const path of ['/dev/login', '/dev/logout']) {
      const res = await fetch(`${t.app.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie },
        body: `{"openid":"${DEMO_PERSONAS.countyAdmin}","x":${nested(DEPTH)}}`,
        redirect: 'manual',
      });
      expect({ path, status: res.status }).toEqual({ path, status: 413 });
      expect(await res.json()).toEqual(TOO_LARGE);
      expect(res.headers.getSetCookie()).toEqual([]);
    }
    await stillServing();
  });

  test('POST /admin with a deep JSON body → INVALID_PARAM', async () => {
    const reply = await admin(`{"action":"database.getDocument","collectionName":"users","query":${nested(DEPTH)}}`);
    expect(reply).toMatchObject({ code: 'INVALID_PARAM' });
    await stillServing();
  });

  test('POST /admin functions.invokeFunction with a deep request_data → INVALID_PARAM, nothing runs', async () => {
    const before = t.app.cloud.actionCounts()['functions.invokeFunction'] ?? 0;
    const requestData = JSON.stringify(`{"action":"getMe","data":{"a":${arrays(DEPTH)}}}`);
    const reply = await admin(
      `{"action":"functions.invokeFunction","function_name":"echo","request_data":${requestData}}`,
    );
    expect(reply).toMatchObject({ code: 'INVALID_PARAM' });
    expect(t.app.cloud.actionCounts()['functions.invokeFunction']).toBe(before + 1);
    await stillServing();
  });

  test('POST /admin multipart (the open API) with a deep field → INVALID_PARAM', async () => {
    const boundary = 'deep-boundary-7';
    const part = (name: string, value: string) =>
      `--${boundary}\r\ncontent-disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
    const body = `${part('action', 'wx.openApi')}${part('apiName', 'security.msgSecCheck')}${part('x', arrays(DEPTH))}--${boundary}--\r\n`;
    const res = await rawRequest(t.app.adminUrl, {
      method: 'POST',
      path: '/admin',
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      body,
    });
    expect(JSON.parse(res.body)).toMatchObject({ code: 'INVALID_PARAM' });
    await stillServing();
  });

  test('POST /_dev/functions/<name>/invoke → 413 with a clear message, nothing runs', async () => {
    const res = await rawRequest(t.app.adminUrl, {
      method: 'POST',
      path: '/_dev/functions/echo/invoke',
      headers: { 'content-type': 'application/json' },
      body: `{"event":{"action":"getMe","data":${nested(DEPTH)}},"identity":{"openid":"someone"}}`,
    });
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body)).toEqual({ error: `the event nests deeper than ${REQUEST_LIMITS.maxDepth} levels` });
    await stillServing();
  });

  test('LocalCloud.invoke itself refuses a too-deep event (defence in depth): -501007, and the next call runs', async () => {
    const event = JSON.parse(`{"action":"ping","data":${nested(DEPTH)}}`) as unknown;
    const { outcome } = await t.app.cloud.invoke('echo', event, { openid: 'someone' });
    expect(outcome).toMatchObject({ ok: false, errCode: -501007 });
    await stillServing();
  });
});

describe('the depth limit is REQUEST_LIMITS.maxDepth, counting objects and arrays', () => {
  const bodyOfDepth = (depth: number) => `{"action":"ping","data":${nested(depth - 1)}}`;

  test(`a body exactly ${REQUEST_LIMITS.maxDepth} levels deep is served; one more level is refused`, async () => {
    const atLimit = await callApi(t.app, 'echo', bodyOfDepth(REQUEST_LIMITS.maxDepth), cookie);
    expect(atLimit.status).toBe(200);
    const over = await callApi(t.app, 'echo', bodyOfDepth(REQUEST_LIMITS.maxDepth + 1), cookie);
    expect(over).toEqual({ status: 413, body: TOO_LARGE });
  });

  test('brackets inside strings do not count', async () => {
    const text = '['.repeat(200) + '{'.repeat(200);
    const res = await callApi(t.app, 'echo', { action: 'ping', data: { text, quoted: `"\\${text}` } }, cookie);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ok: true, data: { event: { data: { text } } } });
  });
});
