import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { DEMO_PERSONAS } from '../src/demo';
import { type TestApp, callApi, login, rawRequest, startTestApp } from './helpers';

/**
 * Issue 7, items 6 and 12: the app page carries a Content-Security-Policy, every answer (the cloud's too) says
 * nosniff, and /favicon.ico is an icon rather than a 404 on every load.
 */

/** Taro's H5 build puts one small script inline in index.html (it sets the root font size). */
const INLINE_SCRIPT = '!function(n){n.document.documentElement.style.fontSize="20px"}(window);';
const PAGE = `<!doctype html><html lang="zh-CN"><head><title>红袖章</title><script>${INLINE_SCRIPT}</script><script defer="defer" src="/js/app.3f9a1c2b.js"></script></head><body><div id="app"></div></body></html>`;

const JSON_TYPE = { 'content-type': 'application/json' };

let t: TestApp;
beforeAll(async () => {
  const root = mkdtempSync(join(tmpdir(), 'rb-headers-test-'));
  const h5Dir = join(root, 'dist-h5');
  mkdirSync(join(h5Dir, 'js'), { recursive: true });
  writeFileSync(join(h5Dir, 'index.html'), PAGE);
  writeFileSync(join(h5Dir, 'js', 'app.3f9a1c2b.js'), 'console.log("app");');
  t = await startTestApp({ h5Dir }, root);
});
afterAll(async () => {
  await t.close();
  t.cleanup();
});

function directives(policy: string | null): Map<string, string[]> {
  return new Map(
    (policy ?? '')
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...values]) => [name, values]),
  );
}

describe('the app page’s Content-Security-Policy', () => {
  test.each(['/', '/index.html', '/pages/check-in/index'])(
    '%s has one, allowing exactly its inline script',
    async (path) => {
      const res = await fetch(`${t.app.url}${path}`, { headers: { accept: 'text/html' } });
      expect(res.status).toBe(200);
      const csp = directives(res.headers.get('content-security-policy'));
      expect(csp.get('default-src')).toEqual(["'self'"]);
      expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
      expect(csp.get('object-src')).toEqual(["'none'"]);
      expect(csp.get('base-uri')).toEqual(["'none'"]);
      const hash = createHash('sha256').update(INLINE_SCRIPT).digest('base64');
      expect(csp.get('script-src')).toEqual(["'self'", `'sha256-${hash}'`]);
      expect(csp.get('script-src')).not.toContain("'unsafe-inline'");
      expect(csp.get('img-src')).toContain('data:');
    },
  );

  test('scripts and other files do not carry the page policy', async () => {
    const js = await fetch(`${t.app.url}/js/app.3f9a1c2b.js`);
    expect(js.headers.get('content-security-policy')).toBeNull();
    expect(js.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

describe('nosniff on every answer', () => {
  test('the app’s port: API, sign-in, pages, files, 404s', async () => {
    const cookie = await login(t.app, DEMO_PERSONAS.staff);
    const answers = [
      await fetch(`${t.app.url}/`),
      await fetch(`${t.app.url}/dev/login`),
      await fetch(`${t.app.url}/dev/nope`),
      await fetch(`${t.app.url}/admin`, { method: 'POST' }),
      await fetch(`${t.app.url}/js/missing.js`),
      await fetch(`${t.app.url}/api/echo`, { headers: { cookie } }),
      await fetch(`${t.app.url}/favicon.ico`),
    ];
    for (const res of answers) {
      expect({ url: res.url, nosniff: res.headers.get('x-content-type-options') }).toEqual({
        url: res.url,
        nosniff: 'nosniff',
      });
    }
    expect((await callApi(t.app, 'echo', { action: 'ping' }, cookie)).status).toBe(200);
  });

  test('the cloud’s port: the admin API, /_dev, storage', async () => {
    const paths: Array<[string, string, string]> = [
      ['POST', '/admin', '{"action":"database.getDocument","collectionName":"units"}'],
      ['POST', '/admin', '{"action":"nope"}'],
      ['GET', '/_dev', ''],
      ['GET', '/_dev/missing', ''],
      ['GET', '/storage/download/x.txt?expires=1&sign=x', ''],
    ];
    for (const [method, path, body] of paths) {
      const res = await rawRequest(t.app.adminUrl, { method, path, body, headers: JSON_TYPE });
      expect({ path, nosniff: res.headers['x-content-type-options'] }).toEqual({ path, nosniff: 'nosniff' });
    }
  });

  test('a file download through the app’s port (where temporary URLs point)', async () => {
    const reply = await rawRequest(t.app.adminUrl, {
      method: 'POST',
      path: '/admin',
      headers: JSON_TYPE,
      body: JSON.stringify({ action: 'storage.getUploadMetadata', path: 'photos/a.txt' }),
    });
    const { url, fileId } = (JSON.parse(reply.body) as { data: { url: string; fileId: string } }).data;
    expect((await fetch(url, { method: 'PUT', body: 'hello' })).status).toBe(200);
    const listed = await rawRequest(t.app.adminUrl, {
      method: 'POST',
      path: '/admin',
      headers: JSON_TYPE,
      body: JSON.stringify({ action: 'storage.batchGetDownloadUrl', file_list: [{ fileid: fileId }] }),
    });
    const [file] = (JSON.parse(listed.body) as { data: { download_list: Array<{ tempFileURL: string }> } }).data
      .download_list;
    expect(file.tempFileURL.startsWith(`${t.app.publicUrl}/storage/download/`)).toBe(true);
    const res = await fetch(file.tempFileURL);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('hello');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

test('/favicon.ico is a small PNG icon, cached for a day', async () => {
  const res = await fetch(`${t.app.url}/favicon.ico`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('image/png');
  expect(res.headers.get('cache-control')).toBe('public, max-age=86400');
  const image = PNG.sync.read(Buffer.from(await res.arrayBuffer()));
  expect([image.width, image.height]).toEqual([32, 32]);
});
