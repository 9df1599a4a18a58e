import jsQR from 'jsqr';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { PNG } from 'pngjs';
import { safeNext } from '../src/app';
import { DEMO_IDENTITIES, DEMO_PERSONAS, DEMO_ROLE_LABELS } from '../src/demo';
import { SessionStore } from '../src/session';
import { INDEX_HTML, callApi, login, rawGet, startTestApp, useTestApp } from './helpers';

const SECRET = 'a-test-secret-that-is-long-enough-for-hmac-0123456789';
const t = useTestApp({ sessionSecret: SECRET });

const NOT_SIGNED_IN = { ok: false, code: 'NOT_SIGNED_IN', message: '请先登录' };
const INTERNAL = { ok: false, code: 'INTERNAL', message: '系统繁忙，请稍后再试' };
const UNKNOWN_FUNCTION = { ok: false, code: 'UNKNOWN_FUNCTION', message: '找不到这项服务，请更新小程序后重试' };

describe('POST /api/<function>: identity comes from the session cookie only', () => {
  test('without a session cookie the function is not called: 401 NOT_SIGNED_IN', async () => {
    const res = await callApi(t.app, 'echo', { action: 'ping', data: {} });
    expect(res).toEqual({ status: 401, body: NOT_SIGNED_IN });
  });

  test('a forged, altered, expired, unknown or malformed cookie is refused', async () => {
    const member = DEMO_PERSONAS.memberCheckedIn;
    const genuine = t.app.sessionFor(member);
    const [id, signature] = genuine.split('.');
    // The same session store, file and secret as the server's: sessions it starts are the server's own.
    const store = new SessionStore(join(t.dataDir, 'sessions.sqlite'), SECRET);
    const otherSecret = new SessionStore(join(t.dataDir, 'sessions.sqlite'), 'some-other-secret-some-other-secret');
    try {
      const flipped = (id[0] === 'A' ? 'B' : 'A') + id.slice(1);
      const forged = [
        otherSecret.create(DEMO_PERSONAS.countyAdmin, 'none'),
        `${flipped}.${signature}`,
        `${id}.${signature.slice(0, -2)}AA`,
        store.create(member, 'none', Date.now() - 13 * 3600_000),
        store.create(member, 'none', Date.now() + 3600_000),
        `${'A'.repeat(43)}.${signature}`,
        `${id}.${signature}.extra`,
        'garbage',
        '',
      ];
      for (const value of forged) {
        const res = await callApi(t.app, 'echo', { action: 'ping', data: {} }, `rb_session=${value}`);
        expect({ value, ...res }).toEqual({ value, status: 401, body: NOT_SIGNED_IN });
      }
    } finally {
      store.close();
      otherSecret.close();
    }
    // …while the genuine one works.
    const ok = await callApi(t.app, 'echo', { action: 'ping', data: {} }, `rb_session=${genuine}`);
    expect(ok.status).toBe(200);
  });

  test('the function sees the signed-in OPENID; an openid in the body is ignored and never reaches it', async () => {
    const cookie = await login(t.app, DEMO_PERSONAS.memberCheckedIn);
    const res = await callApi(
      t.app,
      'echo',
      {
        action: 'ping',
        data: { x: 1 },
        openid: DEMO_PERSONAS.countyAdmin,
        userInfo: { openId: DEMO_PERSONAS.countyAdmin },
      },
      cookie,
    );
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      ok: true,
      data: { openid: DEMO_PERSONAS.memberCheckedIn, appid: 'wx-local-h5', event: { action: 'ping', data: { x: 1 } } },
    });
  });

  test('a missing data is sent as {}', async () => {
    const cookie = await login(t.app, DEMO_PERSONAS.staff);
    const res = await callApi(t.app, 'echo', { action: 'ping' }, cookie);
    expect(res.body).toMatchObject({
      ok: true,
      data: { openid: DEMO_PERSONAS.staff, event: { action: 'ping', data: {} } },
    });
  });

  test('an unknown function is 404 UNKNOWN_FUNCTION; a throw or a non-CallResult 502 INTERNAL', async () => {
    const cookie = await login(t.app, DEMO_PERSONAS.staff);
    expect(await callApi(t.app, 'nosuchfunction', { action: 'x' }, cookie)).toEqual({
      status: 404,
      body: UNKNOWN_FUNCTION,
    });
    expect(await callApi(t.app, 'boom', { action: 'x' }, cookie)).toEqual({ status: 502, body: INTERNAL });
    expect(await callApi(t.app, 'shapeless', { action: 'x' }, cookie)).toEqual({ status: 502, body: INTERNAL });
    expect(t.logs.some((line) => line.includes('boom.x') && line.includes('boom'))).toBe(true);
  });

  test('only lower-case alphanumeric function names, and only POST', async () => {
    const cookie = await login(t.app, DEMO_PERSONAS.staff);
    for (const name of ['Echo', '1echo', 'echo-x', 'echo/x', '..%2Fecho', '']) {
      const res = await callApi(t.app, name, { action: 'ping' }, cookie);
      expect(res).toEqual({ status: 404, body: UNKNOWN_FUNCTION });
    }
    const get = await fetch(`${t.app.url}/api/echo`, { headers: { cookie } });
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
    expect(await get.json()).toEqual({
      ok: false,
      code: 'METHOD_NOT_ALLOWED',
      message: '请求方式不对：这项服务只接受提交',
    });
  });

  test('CSRF sanity: JSON content type required, other origins refused, same origin accepted', async () => {
    const cookie = await login(t.app, DEMO_PERSONAS.staff);
    const body = JSON.stringify({ action: 'ping', data: {} });
    const form = await fetch(`${t.app.url}/api/echo`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'text/plain' },
      body,
    });
    expect(form.status).toBe(415);
    expect(await form.json()).toMatchObject({ ok: false, code: 'NOT_JSON' });
    const cross = await callApi(t.app, 'echo', body, cookie, { origin: 'https://evil.example' });
    expect(cross.status).toBe(403);
    expect(cross.body).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const same = await callApi(t.app, 'echo', body, cookie, { origin: t.app.url });
    expect(same.status).toBe(200);
  });

  test('bad bodies: not JSON → 400 NOT_JSON; no action, data not an object → 400 INVALID_INPUT; over 1 MB → 413', async () => {
    const cookie = await login(t.app, DEMO_PERSONAS.staff);
    for (const sent of ['{not json', '', '{"action":"ping"']) {
      const res = await callApi(t.app, 'echo', sent, cookie);
      expect({ sent, ...res }).toEqual({
        sent,
        status: 400,
        body: { ok: false, code: 'NOT_JSON', message: '提交的内容无法识别，请刷新页面后重试' },
      });
    }
    for (const body of ['[]', '{"data":{}}', '{"action":""}', '{"action":"x","data":[1]}']) {
      const res = await callApi(t.app, 'echo', body, cookie);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    }
    const big = await callApi(t.app, 'echo', { action: 'x', data: { blob: 'x'.repeat(1_100_000) } }, cookie);
    expect(big).toEqual({
      status: 413,
      body: { ok: false, code: 'REQUEST_TOO_LARGE', message: '提交的内容太多或层次太深，请精简后重试' },
    });
  });

  test('a body that is not valid UTF-8 is refused (400 NOT_JSON), never stored as U+FFFD', async () => {
    const cookie = await login(t.app, DEMO_PERSONAS.staff);
    const prefix = Buffer.from('{"action":"ping","data":{"name":"');
    for (const bad of [[0xff], [0xc3], [0xe5, 0xbc], [0xed, 0xa0, 0x80]]) {
      const body = Buffer.concat([prefix, Buffer.from(bad), Buffer.from('"}}')]);
      const res = await fetch(`${t.app.url}/api/echo`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json' },
        body,
      });
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ ok: false, code: 'NOT_JSON' });
    }
    const good = await callApi(t.app, 'echo', { action: 'ping', data: { name: '张建国' } }, cookie);
    expect(good.body).toMatchObject({ ok: true, data: { event: { data: { name: '张建国' } } } });
  });
});

describe('demo sign-in under /dev', () => {
  test('GET /dev/login is an accessible Chinese page listing the demo identities by role', async () => {
    const res = await fetch(`${t.app.url}/dev/login`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await res.text();
    expect(html).toMatch(/<html lang="zh-CN">/);
    expect(html).toMatch(/<title>[^<]+<\/title>/);
    expect(html).toContain('<main>');
    expect(html).toMatch(/<h1>[^<]+<\/h1>/);
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).not.toMatch(/user-scalable|maximum-scale/);
    for (const label of Object.values(DEMO_ROLE_LABELS)) expect(html).toContain(`>${label}</h2>`);
    for (const identity of DEMO_IDENTITIES.filter((i) => i.featured)) {
      expect(html).toContain(`value="${identity.openid}"`);
      expect(html).toContain(identity.name);
    }
    const members = DEMO_IDENTITIES.filter((i) => i.role === 'member' && i.featured);
    expect(members.length).toBeGreaterThanOrEqual(6);
    expect(members.length).toBeLessThanOrEqual(12);
    expect(html).toContain('name="next" value="/"');
  });

  test('the page keeps a same-origin next and drops any other', async () => {
    const keep = await (await fetch(`${t.app.url}/dev/login?next=${encodeURIComponent('/#/pages/me/index')}`)).text();
    expect(keep).toContain('name="next" value="/#/pages/me/index"');
    const drop = await (
      await fetch(`${t.app.url}/dev/login?next=${encodeURIComponent('https://evil.example/')}`)
    ).text();
    expect(drop).not.toContain('evil.example');
    expect(drop).toContain('name="next" value="/"');
  });

  test('signing in sets an HttpOnly, SameSite=Lax, 12-hour session cookie and redirects to next', async () => {
    const next = '/#/pages/check-in/index?scene=C01';
    const res = await fetch(`${t.app.url}/dev/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ openid: DEMO_PERSONAS.memberVerified, next }).toString(),
      redirect: 'manual',
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(next);
    const cookie = res.headers.getSetCookie()[0];
    expect(cookie).toMatch(/^rb_session=[^;]+; Path=\/; Max-Age=43200; HttpOnly; SameSite=Lax$/);
  });

  test('next is sanitised: absolute, protocol-relative and odd URLs become /', async () => {
    for (const next of [
      'https://evil.example/',
      '//evil.example/x',
      '/\\evil.example',
      'javascript:alert(1)',
      'evil.example',
      '/ok\r\nSet-Cookie: x=1',
    ]) {
      const res = await fetch(`${t.app.url}/dev/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ openid: DEMO_PERSONAS.staff, next }).toString(),
        redirect: 'manual',
      });
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe('/');
    }
    expect(safeNext('/#/pages/a/index?x=1')).toBe('/#/pages/a/index?x=1');
    expect(safeNext('/a/../b')).toBe('/b');
    expect(safeNext(undefined)).toBe('/');
  });

  test('only the identities the page lists may sign in', async () => {
    const unlisted = DEMO_IDENTITIES.filter((i) => !i.featured).map((i) => i.openid);
    expect(unlisted.length).toBeGreaterThan(150);
    for (const openid of ['someone-else', '', 'demo-member-999', 'demo-staff-C07', ...unlisted.slice(0, 5)]) {
      const res = await fetch(`${t.app.url}/dev/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ openid, next: '/' }).toString(),
        redirect: 'manual',
      });
      expect(res.status).toBe(403);
      expect(res.headers.getSetCookie()).toEqual([]);
      expect(await res.text()).toContain('这不是演示身份');
    }
  });

  test('a sign-in posted from another origin is refused', async () => {
    const res = await fetch(`${t.app.url}/dev/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' },
      body: new URLSearchParams({ openid: DEMO_PERSONAS.countyAdmin }).toString(),
      redirect: 'manual',
    });
    expect(res.status).toBe(403);
    expect(res.headers.getSetCookie()).toEqual([]);
  });

  test('whoami answers the signed-in identity, or 401', async () => {
    expect((await fetch(`${t.app.url}/dev/whoami`)).status).toBe(401);
    const cookie = await login(t.app, DEMO_PERSONAS.unitAdmin);
    const res = await fetch(`${t.app.url}/dev/whoami`, { headers: { cookie } });
    const admin = DEMO_IDENTITIES.find((i) => i.openid === DEMO_PERSONAS.unitAdmin)!;
    expect(await res.json()).toEqual({ openid: admin.openid, name: admin.name, role: 'unitAdmin' });
    const page = await (await fetch(`${t.app.url}/dev/login`, { headers: { cookie } })).text();
    expect(page).toContain(`现在登录的是：<strong>${admin.name}</strong>`);
  });

  test('logout clears the cookie', async () => {
    const res = await fetch(`${t.app.url}/dev/logout`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'next=%2Fdev%2Flogin',
      redirect: 'manual',
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/dev/login');
    expect(res.headers.getSetCookie()[0]).toMatch(/^rb_session=; Path=\/; Max-Age=0; HttpOnly; SameSite=Lax$/);
  });
});

describe('static H5 build at /', () => {
  test('/ is index.html, revalidated on every load', async () => {
    const res = await fetch(`${t.app.url}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(await res.text()).toBe(INDEX_HTML);
    const again = await fetch(`${t.app.url}/`, { headers: { 'if-none-match': res.headers.get('etag')! } });
    expect(again.status).toBe(304);
  });

  test('assets with their content types; hashed names are cached for long', async () => {
    const js = await fetch(`${t.app.url}/js/app.3f9a1c2b.js`);
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(js.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const png = await fetch(`${t.app.url}/static/images/logo.png`);
    expect(png.headers.get('content-type')).toBe('image/png');
    expect(png.headers.get('cache-control')).toBe('no-cache');
    expect((await fetch(`${t.app.url}/js/missing.js`)).status).toBe(404);
  });

  test('text is sent gzipped to browsers that accept it, as is to those that do not', async () => {
    const zipped = await rawGet(t.app.url, '/js/app.3f9a1c2b.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers.vary).toBe('accept-encoding');
    expect(gunzipSync(zipped.raw).toString('utf8')).toBe('console.log("app");');
    const plain = await rawGet(t.app.url, '/js/app.3f9a1c2b.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe('console.log("app");');
    const png = await rawGet(t.app.url, '/static/images/logo.png', { 'accept-encoding': 'gzip' });
    expect(png.headers['content-encoding']).toBeUndefined();
  });

  test('no way out of the build folder, no dot files, no directories', async () => {
    for (const path of [
      '/../outside.txt',
      '/%2e%2e/outside.txt',
      '/..%2foutside.txt',
      '/static/..%2f..%2foutside.txt',
      '/static/..%5c..%5coutside.txt',
      '/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
      '/.env',
      '/js',
      '/%00index.html',
    ]) {
      const res = await rawGet(t.app.url, path);
      expect({ path, status: res.status }).toEqual({ path, status: 404 });
      expect(res.body).not.toContain('outside the H5 build');
      expect(res.body).not.toContain('SECRET');
    }
  });

  test('a browser navigation to an app path gets index.html; the cloud keeps its own routes on its own port', async () => {
    const page = await fetch(`${t.app.url}/pages/check-in/index`, { headers: { accept: 'text/html' } });
    expect(await page.text()).toBe(INDEX_HTML);
    const status = await fetch(`${t.app.adminUrl}/_dev`);
    expect(await status.json()).toMatchObject({ env: 'local-env' });
  });

  test('without an H5 build, / says to run npm run build', async () => {
    const bare = await startTestApp({ h5Dir: join(t.root, 'no-such-build'), seed: false });
    try {
      const res = await fetch(`${bare.app.url}/`);
      expect(res.status).toBe(503);
      const html = await res.text();
      expect(html).toContain('npm run build');
      expect(html).toContain('<html lang="zh-CN">');
    } finally {
      await bare.close();
      bare.cleanup();
    }
  });
});

describe('QR codes', () => {
  test('encode <publicUrl>/#/pages/check-in/index?scene=<communityId>, publicUrl being the server itself', async () => {
    expect(t.app.publicUrl).toBe(t.app.url);
    expect(t.app.cloud.publicUrl).toBe(t.app.url);
    const cookie = await login(t.app, DEMO_PERSONAS.staff);
    const res = await callApi(t.app, 'qr', { action: 'getQrCode', data: { scene: 'C01' } }, cookie);
    expect(res.status).toBe(200);
    const png = Buffer.from((res.body as { data: { png: string } }).data.png, 'base64');
    const image = PNG.sync.read(png);
    const code = jsQR(new Uint8ClampedArray(image.data), image.width, image.height);
    expect(code?.data).toBe(`${t.app.url}/#/pages/check-in/index?scene=C01`);
  });

  test('an explicit publicUrl is what codes and the cloud use', async () => {
    const other = await startTestApp({ publicUrl: 'https://hongxiuzhang.example/', seed: false });
    try {
      expect(other.app.publicUrl).toBe('https://hongxiuzhang.example');
      expect(other.app.cloud.publicUrl).toBe('https://hongxiuzhang.example');
      const res = await fetch(`${other.app.url}/dev/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://hongxiuzhang.example' },
        body: new URLSearchParams({ openid: DEMO_PERSONAS.staff }).toString(),
        redirect: 'manual',
      });
      expect(res.status).toBe(303);
      expect(res.headers.getSetCookie()[0]).toMatch(/; Secure$/);
    } finally {
      await other.close();
      other.cleanup();
    }
  });
});
