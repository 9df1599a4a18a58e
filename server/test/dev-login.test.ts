import { DEMO_PERSONAS, SIGN_IN_IDENTITIES, findDemoIdentity } from '../src/demo';
import { type TestApp, useTestApp } from './helpers';

/**
 * Issue 7, items 3, 10, 12 and 14: the demo sign-in exists only when asked for; it brings a scanned code's page back
 * after sign-in; unknown /dev addresses answer a Chinese page; and the page shows each person's state now.
 */

const SCANNED = '/#/pages/check-in/index?scene=C04';

function postLogin(app: TestApp['app'], openid: string, next: string, headers: Record<string, string> = {}) {
  return fetch(`${app.url}/dev/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams({ openid, next }).toString(),
    redirect: 'manual',
  });
}

describe('without devLogin (npm start without --demo)', () => {
  const t = useTestApp({ devLogin: false, seed: false });

  test('/dev/login is a Chinese 404 page pointing home, and no sign-in is possible', async () => {
    const page = await fetch(`${t.app.url}/dev/login`);
    expect(page.status).toBe(404);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await page.text();
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('演示登录没有开启');
    expect(html).toContain('<a href="/">回到首页</a>');
    const post = await postLogin(t.app, DEMO_PERSONAS.countyAdmin, '/');
    expect(post.status).toBe(404);
    expect(post.headers.getSetCookie()).toEqual([]);
    for (const path of ['/dev', '/dev/whoami', '/dev/logout']) {
      expect({ path, status: (await fetch(`${t.app.url}${path}`)).status }).toEqual({ path, status: 404 });
    }
  });
});

describe('with devLogin', () => {
  const t = useTestApp();

  test('an unknown /dev address is a Chinese 404 page with a link to the sign-in, not JSON', async () => {
    for (const path of ['/dev/nope', '/dev/login/extra', '/dev/admin']) {
      const res = await fetch(`${t.app.url}${path}`);
      expect({ path, status: res.status }).toEqual({ path, status: 404 });
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      const html = await res.text();
      expect(html).toContain('<h1>页面不存在</h1>');
      expect(html).toContain('<a href="/dev/login">去演示登录</a>');
    }
  });

  test.each([
    ['the page’s full URL', (url: string) => `${url}${SCANNED}`],
    ['its path and hash', () => SCANNED],
  ])('a scanned code survives sign-in when next is %s', async (_label, next) => {
    const page = await fetch(`${t.app.url}/dev/login?next=${encodeURIComponent(next(t.app.url))}`);
    const html = await page.text();
    expect(html).toContain(`name="next" value="${SCANNED}"`);
    const res = await postLogin(t.app, DEMO_PERSONAS.memberVerified, next(t.app.url));
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(SCANNED);
  });

  test('a full URL of another site (or scheme) is never where sign-in goes', async () => {
    const { port } = new URL(t.app.url);
    for (const next of [
      `https://evil.example${SCANNED}`,
      `http://127.0.0.1:${Number(port) + 1}${SCANNED}`,
      `javascript://127.0.0.1:${port}/%0aalert(1)`,
      `ftp://127.0.0.1:${port}/x`,
    ]) {
      const res = await postLogin(t.app, DEMO_PERSONAS.memberVerified, next);
      expect({ next, location: res.headers.get('location') }).toEqual({ next, location: '/' });
    }
  });

  test('residents are listed as the app calls them (姓名未填写), each told apart', async () => {
    const html = await (await fetch(`${t.app.url}/dev/login`)).text();
    for (const n of [1, 2, 3, 4, 5]) expect(html).toContain(`>居民（未填写姓名）·演示居民${n}</span>`);
  });

  test('a newcomer who registered and checked in shows that state, no longer 待注册', async () => {
    const newcomer = findDemoIdentity(DEMO_PERSONAS.newcomer)!;
    const button = (html: string) => {
      const at = html.indexOf(`value="${newcomer.openid}"`);
      return html.slice(at, html.indexOf('</button>', at));
    };
    const before = button(await (await fetch(`${t.app.url}/dev/login`)).text());
    expect(before).toContain('待注册');

    const now = Date.now();
    t.app.cloud.db.insertDocument({
      collectionName: 'members',
      data: [
        JSON.stringify({
          _id: newcomer.openid,
          name: '孙新来',
          phone: '13912345678',
          unitId: 'U01',
          skills: [],
          willingness: ['政策咨询'],
          pledge: '每周为社区做一件实事',
          pledgePublic: false,
          status: 'verified',
          verifiedBy: DEMO_PERSONAS.unitAdmin,
          verifiedAt: now,
          registeredAt: now,
          unitJoinedAt: now,
          communityId: 'C04',
          checkInId: 'x',
          checkedInAt: now,
          updatedAt: now,
        }),
      ],
    });
    const after = button(await (await fetch(`${t.app.url}/dev/login`)).text());
    expect(after).not.toContain('待注册');
    expect(after).toContain('<span class="name">孙新来</span>');
    expect(after).toContain('<span class="role">在职党员</span>');
    expect(after).toContain('县委办公室 · 已确认 · 已在城关镇北关社区报到');
  });

  test('states are read for every listed person: pending, rejected, checked in, moved', async () => {
    const html = await (await fetch(`${t.app.url}/dev/login`)).text();
    const noteOf = (openid: string) => {
      const at = html.indexOf(`value="${openid}"`);
      const note = html.indexOf('<span class="note">', at);
      return html.slice(note + '<span class="note">'.length, html.indexOf('</span>', note));
    };
    expect(noteOf(DEMO_PERSONAS.memberUnverified)).toBe('县委办公室 · 待确认');
    expect(noteOf(DEMO_PERSONAS.memberRejected)).toMatch(/ · 未通过$/);
    expect(noteOf(DEMO_PERSONAS.memberCheckedIn)).toBe('县委办公室 · 已确认 · 已在城关镇东街社区报到');
    expect(noteOf(DEMO_PERSONAS.memberMovedHome)).toBe(
      '县委办公室 · 已确认 · 搬家后从城关镇南门社区转到城关镇东街社区',
    );
    expect(noteOf(DEMO_PERSONAS.staff)).toBe('城关镇东街社区');
    for (const identity of SIGN_IN_IDENTITIES) expect(html).toContain(`value="${identity.openid}"`);
  });
});
