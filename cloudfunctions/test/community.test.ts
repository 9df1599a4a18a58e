import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import type { TestCloud } from 'wx-local-cloud/testing';
import { aMember, insert } from './fixtures';
import { call, ok, registration, seedCounty, startFunctionsCloud, verifiedMember } from './helpers';

let t: TestCloud;
beforeAll(async () => {
  t = await startFunctionsCloud();
  await seedCounty(t);
});
afterAll(() => t.close());

function decode(dataUrl: string): string | undefined {
  const png = PNG.sync.read(Buffer.from(dataUrl.replace(/^data:image\/png;base64,/, ''), 'base64'));
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data;
}

describe('community.getQrCode', () => {
  test('staff get their community code: scene = community id, target = the check-in page', async () => {
    const code = await ok(t, 'staff-C01', 'community', 'getQrCode');
    expect(code).toMatchObject({
      community: { id: 'C01', name: '东街社区' },
      scene: 'C01',
      page: 'pages/check-in/index',
    });
    expect(decode(code.image)).toBe(`${t.cloud.publicUrl}/#/pages/check-in/index?scene=C01`);
  });

  test('nobody else may draw it', async () => {
    for (const who of ['stranger', 'admin-U01', 'county']) {
      expect(await call(t, who, 'community', 'getQrCode')).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    }
  });
});

describe('community.get', () => {
  test('shows the community and how the caller stands with it', async () => {
    expect(await ok(t, 'stranger', 'community', 'get', { communityId: 'C02' })).toEqual({
      community: { id: 'C02', name: '西街社区', street: '城关镇', address: '西街 8 号' },
      checkedInMembers: 0,
      me: { state: 'notMember' },
    });
    await verifiedMember(t, 'g-1');
    expect((await ok(t, 'g-1', 'community', 'get', { communityId: 'C02' })).me).toEqual({ state: 'none' });
    await ok(t, 'g-1', 'checkin', 'checkIn', { communityId: 'C02' });
    const view = await ok(t, 'g-1', 'community', 'get', { communityId: 'C02' });
    expect(view.checkedInMembers).toBe(1);
    expect(view.me).toMatchObject({ state: 'here' });
  });

  test('counts only members whose unit admin has confirmed them', async () => {
    const count = async () => (await ok(t, 'stranger', 'community', 'get', { communityId: 'C01' })).checkedInMembers;
    const start = await count();
    await verifiedMember(t, 'g-2');
    await ok(t, 'g-2', 'checkin', 'checkIn', { communityId: 'C01' });
    expect(await count()).toBe(start + 1);

    await ok(t, 'g-2', 'user', 'register', registration({ name: '改了名字', unitId: 'U01' }));
    expect(await count()).toBe(start);
    await insert(
      t.db,
      'members',
      aMember({ _id: 'g-waiting', status: 'unverified', communityId: 'C01', checkedInAt: 1 }),
    );
    expect(await count()).toBe(start);
  });

  test('an unknown or malformed community', async () => {
    expect(await call(t, 'stranger', 'community', 'get', { communityId: 'C77' })).toMatchObject({
      ok: false,
      code: 'COMMUNITY_NOT_FOUND',
    });
    expect(await call(t, 'stranger', 'community', 'get', { communityId: 'C0%31' })).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      message: expect.stringContaining('找不到这个社区'),
    });
  });

  test('list gives every community', async () => {
    expect((await ok(t, 'stranger', 'community', 'list')).communities.map((c) => c.id)).toEqual(['C01', 'C02']);
  });
});
