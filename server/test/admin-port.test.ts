import { networkInterfaces } from 'node:os';
import { DEMO_PERSONAS } from '../src/demo';
import { type RawResponse, type TestApp, login, rawRequest, startTestApp, useTestApp } from './helpers';

/**
 * Issue 7, item 2: the local cloud's admin API and the /_dev routes were open on the app's port to any web page and,
 * with HOST=0.0.0.0, to the network. They now live on their own server on 127.0.0.1, which answers tools on this
 * machine only; the app's port does not have them at all.
 */

const t = useTestApp();

const adminPort = () => new URL(t.app.adminUrl).port;

/** Everything in the database, as one string: to see that a refused request changed nothing. */
function digest(): string {
  const db = t.app.cloud.db;
  return ['users', 'members', 'communities', 'units', 'checkIns', 'serviceCards', 'auditLogs']
    .map((name) => db.getDocument({ collectionName: name, limit: 1000 }).list.join('\n'))
    .join('\n--\n');
}

const part = (boundary: string, name: string, value: string) =>
  `--${boundary}\r\ncontent-disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;

/** What an attacker tried in the issue, one request per admin action class and per /_dev route. */
const ATTEMPTS: Array<{ what: string; method: string; path: string; body: string; multipart?: boolean }> = [
  {
    what: 'read every member with full phones',
    method: 'POST',
    path: '/admin',
    body: JSON.stringify({ action: 'database.getDocument', collectionName: 'members', limit: 1000 }),
  },
  {
    what: 'make a resident a unit admin',
    method: 'POST',
    path: '/admin',
    body: JSON.stringify({
      action: 'database.insertDocument',
      collectionName: 'users',
      data: [
        JSON.stringify({ _id: DEMO_PERSONAS.resident, name: 'x', grants: [{ role: 'unitAdmin', unitId: 'U01' }] }),
      ],
    }),
  },
  {
    what: 'change a document',
    method: 'POST',
    path: '/admin',
    body: JSON.stringify({
      action: 'database.modifyDocument',
      collectionName: 'members',
      queryType: 'DOC',
      query: JSON.stringify({ _id: DEMO_PERSONAS.memberRejected }),
      data: JSON.stringify({ $set: { status: 'verified' } }),
    }),
  },
  {
    what: 'remove documents',
    method: 'POST',
    path: '/admin',
    body: JSON.stringify({ action: 'database.removeDocument', collectionName: 'auditLogs', query: '{}', multi: true }),
  },
  {
    what: 'open a transaction',
    method: 'POST',
    path: '/admin',
    body: JSON.stringify({ action: 'database.startTransaction' }),
  },
  {
    what: 'sign an upload',
    method: 'POST',
    path: '/admin',
    body: JSON.stringify({ action: 'storage.getUploadMetadata', path: 'planted.txt' }),
  },
  {
    what: 'run a function as the county admin',
    method: 'POST',
    path: '/admin',
    body: JSON.stringify({
      action: 'functions.invokeFunction',
      function_name: 'echo',
      request_data: '{"action":"ping"}',
    }),
  },
  {
    what: 'call the open API',
    method: 'POST',
    path: '/admin',
    body: `${part('b7', 'action', 'wx.openApi')}${part('b7', 'apiName', 'security.msgSecCheck')}--b7--\r\n`,
    multipart: true,
  },
  { what: 'read the status', method: 'GET', path: '/_dev', body: '' },
  { what: 'read the outbox', method: 'GET', path: '/_dev/outbox', body: '' },
  { what: 'read the stats', method: 'GET', path: '/_dev/stats', body: '' },
  {
    what: 'invoke a function as anyone',
    method: 'POST',
    path: '/_dev/functions/echo/invoke',
    body: JSON.stringify({ event: { action: 'ping' }, identity: { openid: DEMO_PERSONAS.countyAdmin } }),
  },
  { what: 'wipe the database', method: 'POST', path: '/_dev/reset', body: '{}' },
];

async function attempt(
  base: string,
  { method, path, body, multipart }: (typeof ATTEMPTS)[number],
  headers: Record<string, string>,
): Promise<RawResponse> {
  const contentType = multipart ? 'multipart/form-data; boundary=b7' : 'application/json';
  return rawRequest(base, { method, path, body, headers: { 'content-type': contentType, ...headers } });
}

describe.each([
  ['Origin: https://evil.example', { origin: 'https://evil.example' }, 403],
  ['Host: evil.example', { host: 'evil.example' }, 403],
  ['a text/plain body', { 'content-type': 'text/plain' }, 415],
])('on the cloud’s own port, with %s', (_label, headers: Record<string, string>, status) => {
  test('every admin action class and every /_dev route is refused, and nothing changes', async () => {
    const before = digest();
    const calls = t.app.cloud.actionCounts();
    for (const request of ATTEMPTS) {
      const res = await attempt(t.app.adminUrl, request, headers);
      expect({ what: request.what, status: res.status }).toEqual({ what: request.what, status });
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.body).not.toContain('phone');
    }
    expect(t.app.cloud.actionCounts()).toEqual(calls);
    expect(digest()).toBe(before);
  });
});

test('control: a tool on this machine reaches the same routes on the cloud’s port', async () => {
  const [read] = ATTEMPTS;
  const res = await attempt(t.app.adminUrl, read, {});
  expect(res.status).toBe(200);
  expect((JSON.parse(res.body) as { data: { list: string[] } }).data.list.length).toBe(200);
  const status = ATTEMPTS.find((request) => request.path === '/_dev')!;
  expect((await attempt(t.app.adminUrl, status, { host: `localhost:${adminPort()}` })).status).toBe(200);
});

test('the app’s port has no /admin, /_dev or storage upload: 404, even signed in, and nothing changes', async () => {
  const cookie = await login(t.app, DEMO_PERSONAS.countyAdmin);
  const before = digest();
  const calls = t.app.cloud.actionCounts();
  for (const request of [
    ...ATTEMPTS,
    { what: 'upload', method: 'PUT', path: '/storage/upload/x.txt?expires=9999999999&sign=x', body: 'x' },
  ]) {
    const res = await attempt(t.app.url, request, { cookie });
    expect({ what: request.what, status: res.status }).toEqual({ what: request.what, status: 404 });
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.body).toContain('页面不存在');
  }
  expect(t.app.cloud.actionCounts()).toEqual(calls);
  expect(digest()).toBe(before);
});

test('the cloud’s workers reach it on its own port, and the URL to point an SDK at is on loopback', async () => {
  expect(t.app.adminUrl).toBe(t.app.cloud.url);
  expect(t.app.adminUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  expect(t.app.adminUrl).not.toBe(t.app.url);
  expect(JSON.parse(t.app.cloud.sdkEnvironment().TCB_CONTEXT_CNFG)).toEqual({ URL: `${t.app.adminUrl}/admin` });
});

describe('with HOST=0.0.0.0', () => {
  let open: TestApp;
  beforeAll(async () => {
    open = await startTestApp({ host: '0.0.0.0', seed: false });
  });
  afterAll(async () => {
    await open.close();
    open.cleanup();
  });

  const lanAddress = Object.values(networkInterfaces())
    .flat()
    .find((address) => address?.family === 'IPv4' && !address.internal)?.address;

  test('the cloud’s own server is still on 127.0.0.1 only', async () => {
    expect(open.app.adminUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const port = new URL(open.app.adminUrl).port;
    expect((await rawRequest(open.app.adminUrl, { path: '/_dev' })).status).toBe(200);
    // From this machine's network address (what another machine would use) the app answers and the cloud does not.
    const addresses = lanAddress ? [lanAddress] : [];
    for (const address of addresses) {
      const app = await rawRequest(`http://${address}:${new URL(open.app.url).port}`, { path: '/favicon.ico' });
      expect(app.status).toBe(200);
      await expect(rawRequest(`http://${address}:${port}`, { path: '/_dev' })).rejects.toMatchObject({
        code: 'ECONNREFUSED',
      });
    }
  });
});
