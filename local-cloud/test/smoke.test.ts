import { type TestCloud, startTestCloud } from 'wx-local-cloud/testing';
import { FUNCTIONS_DIR } from './fixtures';

let t: TestCloud;
beforeAll(async () => {
  t = await startTestCloud({
    functionsDir: FUNCTIONS_DIR,
    manifest: { collections: [{ name: 'todos', indexes: [] }] },
  });
});
afterAll(() => t.close());

test('an add through the real SDK reads back', async () => {
  const { _id } = await t.db.collection('todos').add({ data: { title: 'x' } });
  const { data } = await t.db.collection('todos').doc(_id).get();
  expect(data).toEqual({ _id, title: 'x' });
});

test('a function runs as the caller it is invoked for', async () => {
  const { outcome } = await t.cloud.invoke('whoami', {}, { openid: 'o-1', appid: 'wx-app' });
  expect(outcome).toMatchObject({
    ok: true,
    result: { before: { OPENID: 'o-1', APPID: 'wx-app', SOURCE: 'wx_client' } },
  });
});
