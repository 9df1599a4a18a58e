import type { TestCloud } from 'wx-local-cloud/testing';
import { seedCounty, startFunctionsCloud } from '../cloudfunctions/test/helpers';
import { launchApp } from './harness';

let t: TestCloud;
beforeAll(async () => {
  t = await startFunctionsCloud();
  await seedCounty(t);
});
afterAll(() => t.close());

test('home opens', async () => {
  const started = Date.now();
  const app = await launchApp({ cloud: t.cloud, openid: 'resident-1' });
  console.log('launch ms', Date.now() - started, app.page.text());
  expect(app.page.heading).toBeTruthy();
  await app.close();
});
