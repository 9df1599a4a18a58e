import { request } from 'node:http';
import { type TestCloud, startTestCloud } from 'wx-local-cloud/testing';
import { FUNCTIONS_DIR } from './fixtures';

/**
 * The cloud's own server (admin API, storage, /_dev) answers tools on this machine only: never a web page (an Origin
 * header, Sec-Fetch-Site), never a name other than loopback in Host (DNS rebinding), never a body a page can send
 * without asking (text/plain). Refused requests change nothing.
 */

let t: TestCloud;
beforeAll(async () => {
  t = await startTestCloud({
    functionsDir: FUNCTIONS_DIR,
    manifest: { collections: [{ name: 'notes', indexes: [] }] },
  });
  await t.db.collection('notes').add({ data: { _id: 'kept', text: 'before' } });
});
afterAll(() => t.close());

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function send(method: string, path: string, headers: Record<string, string>, body = ''): Promise<Answer> {
  const { port } = new URL(t.cloud.url);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        headers: { host: `127.0.0.1:${port}`, 'content-length': String(Buffer.byteLength(body)), ...headers },
      },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const JSON_TYPE = { 'content-type': 'application/json' };
const insert = JSON.stringify({
  action: 'database.insertDocument',
  collectionName: 'notes',
  data: [JSON.stringify({ _id: 'planted', text: 'by a web page' })],
});

async function notes(): Promise<string[]> {
  const { data } = await t.db.collection('notes').get();
  return (data as Array<{ _id: string }>).map((doc) => doc._id).sort();
}

test('control: the same requests from a tool on this machine are served', async () => {
  const status = await send('GET', '/_dev', {});
  expect(status.status).toBe(200);
  const viaLocalhost = await send('GET', '/_dev', { host: `localhost:${new URL(t.cloud.url).port}` });
  expect(viaLocalhost.status).toBe(200);
  const added = await send(
    'POST',
    '/admin',
    JSON_TYPE,
    JSON.stringify({ ...JSON.parse(insert), data: [JSON.stringify({ _id: 'control' })] }),
  );
  expect(JSON.parse(added.body)).toMatchObject({ data: { insertedIds: ['control'] } });
  await t.db.collection('notes').doc('control').remove();
});

describe.each([
  ['an Origin header', { origin: 'https://evil.example' }, 403],
  ['the null Origin of a sandboxed page', { origin: 'null' }, 403],
  ['Sec-Fetch-Site: cross-site', { 'sec-fetch-site': 'cross-site' }, 403],
  ['a Host that is not loopback (DNS rebinding)', { host: 'evil.example' }, 403],
  ['a loopback Host on another port', { host: '127.0.0.1:1' }, 403],
  ['a text/plain body', { 'content-type': 'text/plain' }, 415],
  ['a form body', { 'content-type': 'application/x-www-form-urlencoded' }, 415],
])('with %s', (_what, headers: Record<string, string>, status) => {
  test('the admin API, /_dev and storage refuse, and nothing changes', async () => {
    const before = await notes();
    const stats = t.cloud.actionCounts();
    const requests: Array<[string, string, string]> = [
      ['POST', '/admin', insert],
      ['GET', '/_dev', ''],
      ['GET', '/_dev/outbox', ''],
      ['GET', '/_dev/stats', ''],
      ['POST', '/_dev/reset', '{}'],
      ['POST', '/_dev/functions/whoami/invoke', '{"event":{}}'],
      ['GET', '/storage/download/notes/x.txt?expires=1&sign=x', ''],
    ];
    for (const [method, path, body] of requests) {
      const res = await send(method, path, { ...JSON_TYPE, ...headers }, body);
      expect({ method, path, status: res.status }).toEqual({ method, path, status });
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(JSON.parse(res.body).error).toMatch(/^refused: /);
    }
    expect(t.cloud.actionCounts()).toEqual(stats);
    expect(await notes()).toEqual(before);
  });
});

test('a signed storage upload carries raw bytes with no content type, as the SDK sends it', async () => {
  const { fileID } = (await t.sdk.uploadFile({ cloudPath: 'raw/a.bin', fileContent: Buffer.from([0, 1, 2]) })) as {
    fileID: string;
  };
  expect(fileID).toMatch(/raw\/a\.bin$/);
});

test('404 and refusals say nothing about the request or the server', async () => {
  const res = await send('GET', '/_dev/a-secret-looking-path', {});
  expect(res.status).toBe(404);
  expect(res.headers['x-content-type-options']).toBe('nosniff');
  expect(res.body).toBe('{"error":"not found"}');
});
