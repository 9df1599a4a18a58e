import type { TestCloud } from 'wx-local-cloud/testing';
import { call, ok, registration, seedCounty, startFunctionsCloud, storedDoc } from './helpers';

let t: TestCloud;
beforeAll(async () => {
  t = await startFunctionsCloud();
  await seedCounty(t);
});
afterAll(() => t.close());

describe('user.register accepts a phone number as people type it', () => {
  test.each([
    ['full-width digits', '１３８００１３８０００'],
    ['+86, spaces and dashes', '+86 138-0013-8000'],
    ['86 without the plus', '8613800138000'],
    ['a full-width plus and spaces', '＋８６ １３８ ００１３ ８０００'],
    ['spaces only', ' 138 0013 8000 '],
  ])('%s', async (_label, phone) => {
    const openid = `ph-${Buffer.from(phone).toString('hex').slice(0, 16)}`;
    const { member } = await ok(t, openid, 'user', 'register', registration({ phone }));
    expect(member.phone).toBe('13800138000');
    expect((await storedDoc(t, 'members', openid)).phone).toBe('13800138000');
  });
});

describe('user.register stores names in one normal form', () => {
  test('a name typed with a combining accent is stored composed (NFC)', async () => {
    await ok(t, 'nfc-1', 'user', 'register', registration({ name: 'Zoe\u0308 Li' }));
    expect((await storedDoc(t, 'members', 'nfc-1')).name).toBe('Zo\u00eb Li');
  });
});

describe('user.register refuses text that hides or breaks characters, and says why', () => {
  test.each([
    ['a right-to-left override in the name', { name: '张\u202E建国' }, '姓名'],
    ['a zero-width space in the name', { name: '张\u200B建国' }, '姓名'],
    ['a lone surrogate in the name', { name: '张建\uD800' }, '姓名'],
    ['a control character in the name', { name: '张\u0007建国' }, '姓名'],
    ['a zero-width space in a skill', { skills: ['电\u200B工'] }, '技能'],
    ['a lone surrogate in a skill', { skills: ['电工\uDC00'] }, '技能'],
    ['a right-to-left override in the pledge', { pledge: '每月为社区\u202E做一件实事' }, '承诺'],
    ['a lone surrogate in the pledge', { pledge: '每月为社区做一件实事\uD800' }, '承诺'],
  ])('%s', async (_label, change, field) => {
    const result = await call(t, 'bad-text', 'user', 'register', registration(change));
    expect(result).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    if (!result.ok) {
      expect(result.message).toContain(field);
      expect(result.message).toContain('特殊字符');
    }
    expect(await storedDoc(t, 'members', 'bad-text')).toBeNull();
  });

  test('a 200-character name is refused with a message that it is too long, not cut short', async () => {
    const result = await call(t, 'bad-text', 'user', 'register', registration({ name: '张'.repeat(200) }));
    expect(result).toEqual({ ok: false, code: 'INVALID_INPUT', message: expect.stringContaining('最多20个字') });
    expect(await storedDoc(t, 'members', 'bad-text')).toBeNull();
  });

  test('a phone that is still not a mobile number after tidying is refused', async () => {
    for (const phone of ['+86 138-0013-800', '+1 138 0013 8000', '１２８００１３８０００']) {
      expect(await call(t, 'bad-text', 'user', 'register', registration({ phone }))).toMatchObject({
        ok: false,
        code: 'INVALID_INPUT',
        message: expect.stringContaining('手机号'),
      });
    }
    expect(await storedDoc(t, 'members', 'bad-text')).toBeNull();
  });

  test('the name goes to the content check too', async () => {
    expect(await call(t, 'bad-text', 'user', 'register', registration({ name: '赌博大王' }))).toMatchObject({
      ok: false,
      code: 'CONTENT_RISKY',
    });
    expect(await storedDoc(t, 'members', 'bad-text')).toBeNull();
  });
});
