import { ERRORS } from '../../types';
import type { TestCloud } from 'wx-local-cloud/testing';
import { call, ok, registration, seedCounty, startFunctionsCloud } from './helpers';

let t: TestCloud;
beforeAll(async () => {
  t = await startFunctionsCloud();
  await seedCounty(t);
});
afterAll(() => t.close());

const memberDoc = async (id: string) =>
  (
    await t.db
      .collection('members')
      .doc(id)
      .get()
      .catch(() => ({ data: null }))
  ).data;

describe('user.register', () => {
  test('registers an unverified member with the profile as given', async () => {
    const { member } = await ok(t, 'u-new', 'user', 'register', registration({ skills: ['电工', '电工', '摄影'] }));
    expect(member).toMatchObject({
      name: '张建国',
      phone: '13812341234',
      unit: { id: 'U01', name: '县财政局' },
      skills: ['电工', '摄影'],
      willingness: ['维修', '政策咨询'],
      pledgePublic: true,
      status: 'unverified',
      community: null,
      serviceCardNo: null,
    });
    const me = await ok(t, 'u-new', 'user', 'getMe');
    expect(me.roles).toEqual(['resident']);
    expect(me.member?.status).toBe('unverified');
  });

  test('the phone can come from the getPhoneNumber button code (open API)', async () => {
    const { member } = await ok(
      t,
      'u-code',
      'user',
      'register',
      registration({ phone: undefined, phoneCode: '13900001111' }),
    );
    expect(member.phone).toBe('13900001111');
    const refused = await call(
      t,
      'u-badcode',
      'user',
      'register',
      registration({ phone: undefined, phoneCode: 'expired' }),
    );
    expect(refused).toMatchObject({ ok: false, code: 'PHONE_CODE_INVALID' });
    expect(await memberDoc('u-badcode')).toBeNull();
  });

  test('changing unit is a transfer: the new unit admin must confirm again', async () => {
    await ok(t, 'u-move', 'user', 'register', registration());
    await ok(t, 'admin-U01', 'unit', 'verifyMember', { memberId: 'u-move', decision: 'verify' });
    expect((await ok(t, 'u-move', 'user', 'getMe')).roles).toEqual(['resident', 'member']);
    await ok(t, 'u-move', 'user', 'register', registration({ pledge: '换一句承诺' }));
    expect((await memberDoc('u-move')).status).toBe('verified');

    await ok(t, 'u-move', 'user', 'register', registration({ unitId: 'U02' }));
    const doc = await memberDoc('u-move');
    expect(doc).toMatchObject({ unitId: 'U02', previousUnitId: 'U01', status: 'unverified' });
    expect(doc.verifiedBy).toBeUndefined();
    expect((await ok(t, 'u-move', 'user', 'getMe')).roles).toEqual(['resident']);
    const rows = (await ok(t, 'admin-U02', 'unit', 'listMembers', { status: 'unverified' })).members;
    expect(rows.find((row) => row.memberId === 'u-move')?.flag).toBe('transferred');
  });

  describe('bad input changes nothing and says what is wrong in Chinese', () => {
    test.each([
      ['no name', { name: '' }, '姓名'],
      ['a landline', { phone: '0755-1234567' }, '手机号'],
      ['neither phone nor code', { phone: undefined }, '手机号'],
      ['an unknown service kind', { willingness: ['炒股'] }, '服务'],
      ['no service kind', { willingness: [] }, '服务'],
      ['nine skills', { skills: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'] }, '技能'],
      ['a pledge too long', { pledge: '承'.repeat(61) }, '承诺'],
      ['consent not given as yes/no', { pledgePublic: 'yes' as unknown as boolean }, '公开'],
    ])('%s', async (_label, change, words) => {
      const result = await call(t, 'u-bad', 'user', 'register', { ...registration(), ...change });
      expect(result).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: expect.stringContaining(words) });
      expect(await memberDoc('u-bad')).toBeNull();
    });

    test('the validator’s own words never reach the person, even when they would quote a Chinese key', async () => {
      const result = await call(t, 'u-bad', 'user', 'register', { ...registration(), 姓名: '张建国' });
      expect(result).toEqual({ ok: false, code: 'INVALID_INPUT', message: ERRORS.INVALID_INPUT });
      expect(await call(t, 'u-bad', 'user', 'getMe', { 𠀀: 1 })).toEqual({
        ok: false,
        code: 'INVALID_INPUT',
        message: ERRORS.INVALID_INPUT,
      });
      expect(await memberDoc('u-bad')).toBeNull();
    });

    test('an identity field in the request is refused, never used', async () => {
      const result = await call(t, 'u-bad', 'user', 'register', { ...registration(), _id: 'admin-U01' });
      expect(result).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
      expect(await memberDoc('u-bad')).toBeNull();
    });

    test('an unknown unit', async () => {
      expect(await call(t, 'u-bad', 'user', 'register', registration({ unitId: 'U99' }))).toMatchObject({
        ok: false,
        code: 'UNIT_NOT_FOUND',
      });
      expect(await memberDoc('u-bad')).toBeNull();
    });

    test('a pledge the content check flags', async () => {
      expect(await call(t, 'u-bad', 'user', 'register', registration({ pledge: '带大家去赌博赢钱' }))).toMatchObject({
        ok: false,
        code: 'CONTENT_RISKY',
      });
      expect(await memberDoc('u-bad')).toBeNull();
    });
  });
});

describe('user.register stores what the schema made plain, and stores nothing it refused', () => {
  // The schema's own cases (every way of typing a phone, every hidden character) are in domain/schemas/user.test.ts.
  test('a phone as people type it and a name typed with a combining accent', async () => {
    await ok(
      t,
      'plain-1',
      'user',
      'register',
      registration({ phone: '＋８６ １３８ ００１３ ８０００', name: 'Zoe\u0308 Li' }),
    );
    expect(await memberDoc('plain-1')).toMatchObject({ phone: '13800138000', name: 'Zo\u00eb Li' });
  });

  test('a hidden character, a name too long, a phone that is no mobile number', async () => {
    for (const [change, words] of [
      [{ name: '张\u202E建国' }, '特殊字符'],
      [{ name: '张'.repeat(200) }, '最多20个字'],
      [{ phone: '+1 138 0013 8000' }, '手机号'],
    ] as const) {
      expect(await call(t, 'plain-bad', 'user', 'register', registration(change))).toEqual({
        ok: false,
        code: 'INVALID_INPUT',
        message: expect.stringContaining(words),
      });
    }
    expect(await memberDoc('plain-bad')).toBeNull();
  });

  test('the name goes to the content check too', async () => {
    expect(await call(t, 'plain-bad', 'user', 'register', registration({ name: '赌博大王' }))).toMatchObject({
      ok: false,
      code: 'CONTENT_RISKY',
    });
    expect(await memberDoc('plain-bad')).toBeNull();
  });
});

describe('user.getMe', () => {
  test('a stranger is a resident with nothing else', async () => {
    expect(await ok(t, 'stranger', 'user', 'getMe')).toEqual({
      roles: ['resident'],
      name: null,
      member: null,
      grants: [],
    });
  });

  test('staff and unit admins see what they run', async () => {
    expect(await ok(t, 'staff-C01', 'user', 'getMe')).toMatchObject({
      roles: ['resident', 'staff'],
      name: '李社工',
      grants: [{ role: 'staff', community: { id: 'C01', name: '东街社区' } }],
    });
    expect(await ok(t, 'admin-U01', 'user', 'getMe')).toMatchObject({
      roles: ['resident', 'unitAdmin'],
      grants: [{ role: 'unitAdmin', unit: { id: 'U01', name: '县财政局' } }],
    });
  });
});
