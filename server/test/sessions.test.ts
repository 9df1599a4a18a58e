import { DEMO_PERSONAS } from '../src/demo';
import { callApi, login, useTestApp } from './helpers';

/**
 * Issue 7, item 6: sign-out did not end the session (a copied cookie stayed valid for 12 hours). Sessions now live
 * on the server: sign-out, switching person and a change of the person's granted roles end them at once.
 */

const t = useTestApp();

const ping = async (cookie: string) => (await callApi(t.app, 'echo', { action: 'ping' }, cookie)).status;

async function logout(cookie: string): Promise<void> {
  const res = await fetch(`${t.app.url}/dev/logout`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: 'next=%2Fdev%2Flogin',
    redirect: 'manual',
  });
  expect(res.status).toBe(303);
}

/** Changes the person's `users` document as a county admin's grant would. */
function setUser(id: string, fields: object): void {
  const db = t.app.cloud.db;
  const exists = db.getDocument({ collectionName: 'users', queryType: 'DOC', query: { _id: id } }).list.length > 0;
  if (exists) {
    db.modifyDocument({ collectionName: 'users', queryType: 'DOC', query: { _id: id }, data: { $set: fields } });
  } else {
    const now = Date.now();
    db.insertDocument({
      collectionName: 'users',
      data: [JSON.stringify({ _id: id, name: '演示', createdAt: now, updatedAt: now, ...fields })],
    });
  }
}

test('the cookie carries a random id, not the person', async () => {
  const cookie = await login(t.app, DEMO_PERSONAS.memberVerified);
  const value = cookie.slice('rb_session='.length);
  expect(value).not.toContain(Buffer.from(DEMO_PERSONAS.memberVerified).toString('base64url'));
  expect(value).toMatch(/^[A-Za-z0-9_-]{43}\.[A-Za-z0-9_-]{43}$/);
  expect(await login(t.app, DEMO_PERSONAS.memberVerified)).not.toBe(cookie);
});

test('sign-out ends the session: a copy of the cookie stops working at once', async () => {
  const cookie = await login(t.app, DEMO_PERSONAS.memberCheckedIn);
  const copy = `${cookie}`;
  expect(await ping(cookie)).toBe(200);
  await logout(cookie);
  expect(await ping(copy)).toBe(401);
  const whoami = await fetch(`${t.app.url}/dev/whoami`, { headers: { cookie: copy } });
  expect(whoami.status).toBe(401);
});

test('signing in as someone else ends the session the browser had', async () => {
  const first = await login(t.app, DEMO_PERSONAS.staff);
  const res = await fetch(`${t.app.url}/dev/login`, {
    method: 'POST',
    headers: { cookie: first, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ openid: DEMO_PERSONAS.unitAdmin, next: '/' }).toString(),
    redirect: 'manual',
  });
  expect(res.status).toBe(303);
  const second = res.headers.getSetCookie()[0].split(';')[0];
  expect(await ping(first)).toBe(401);
  expect(await ping(second)).toBe(200);
});

test('one person’s sessions end when their granted roles change, and only theirs', async () => {
  const resident = await login(t.app, DEMO_PERSONAS.resident);
  const otherDevice = await login(t.app, DEMO_PERSONAS.resident);
  const bystander = await login(t.app, DEMO_PERSONAS.memberVerified);
  expect(await ping(resident)).toBe(200);
  setUser(DEMO_PERSONAS.resident, { grants: [{ role: 'staff', communityId: 'C02' }] });
  expect(await ping(resident)).toBe(401);
  expect(await ping(otherDevice)).toBe(401);
  expect(await ping(bystander)).toBe(200);
  // A new sign-in holds under the new roles…
  const again = await login(t.app, DEMO_PERSONAS.resident);
  expect(await ping(again)).toBe(200);
  // …and a change of the community the role applies to ends it too.
  setUser(DEMO_PERSONAS.resident, { grants: [{ role: 'staff', communityId: 'C03' }] });
  expect(await ping(again)).toBe(401);
});

test('a role taken away ends the session; a change that grants nothing new does not', async () => {
  const staff = await login(t.app, DEMO_PERSONAS.staff);
  setUser(DEMO_PERSONAS.staff, { name: '改了名字', updatedAt: Date.now() });
  expect(await ping(staff)).toBe(200);
  setUser(DEMO_PERSONAS.staff, { grants: [] });
  expect(await ping(staff)).toBe(401);
});
