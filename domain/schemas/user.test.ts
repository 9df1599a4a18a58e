import { aRegistration } from '../testing';
import type { RegisterRequest } from '../../types';
import { inputRefusal } from './parse';
import { fieldErrors, parseInput, registerRequest } from './user';

const registration = (change: Partial<Record<keyof RegisterRequest, unknown>> = {}): Record<string, unknown> => ({
  ...aRegistration(),
  ...change,
});

/** What the function answers for a request: the parsed request, or the refusal it sends back. */
function answer(data: unknown) {
  const result = parseInput(registerRequest, data);
  return result.success
    ? { ok: true as const, data: result.data }
    : { ok: false as const, ...inputRefusal(result.issues) };
}

describe('the registration accepts a phone number as people type it', () => {
  test.each([
    ['full-width digits', '１３８００１３８０００'],
    ['+86, spaces and dashes', '+86 138-0013-8000'],
    ['86 without the plus', '8613800138000'],
    ['a full-width plus and spaces', '＋８６ １３８ ００１３ ８０００'],
    ['spaces only', ' 138 0013 8000 '],
  ])('%s', (_label, phone) => {
    expect(answer(registration({ phone }))).toMatchObject({ ok: true, data: { phone: '13800138000' } });
  });
});

describe('the registration keeps names in one normal form', () => {
  test('a name typed with a combining accent comes back composed (NFC)', () => {
    expect(answer(registration({ name: 'Zoe\u0308 Li' }))).toMatchObject({ ok: true, data: { name: 'Zo\u00eb Li' } });
  });
});

describe('the registration refuses text that hides or breaks characters, and says why', () => {
  test.each([
    ['a right-to-left override in the name', { name: '张\u202E建国' }, '姓名'],
    ['a zero-width space in the name', { name: '张\u200B建国' }, '姓名'],
    ['a lone surrogate in the name', { name: '张建\uD800' }, '姓名'],
    ['a control character in the name', { name: '张\u0007建国' }, '姓名'],
    ['a zero-width space in a skill', { skills: ['电\u200B工'] }, '技能'],
    ['a lone surrogate in a skill', { skills: ['电工\uDC00'] }, '技能'],
    ['a right-to-left override in the pledge', { pledge: '每月为社区\u202E做一件实事' }, '承诺'],
    ['a lone surrogate in the pledge', { pledge: '每月为社区做一件实事\uD800' }, '承诺'],
  ])('%s', (_label, change, field) => {
    const result = answer(registration(change));
    expect(result).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    if (!result.ok) {
      expect(result.message).toContain(field);
      expect(result.message).toContain('特殊字符');
    }
  });

  test('a 200-character name is refused with a message that it is too long, not cut short', () => {
    expect(answer(registration({ name: '张'.repeat(200) }))).toEqual({
      ok: false,
      code: 'INVALID_INPUT',
      message: expect.stringContaining('最多20个字'),
    });
  });

  test('a phone that is still not a mobile number after tidying is refused', () => {
    for (const phone of ['+86 138-0013-800', '+1 138 0013 8000', '１２８００１３８０００']) {
      expect(answer(registration({ phone }))).toMatchObject({
        ok: false,
        code: 'INVALID_INPUT',
        message: expect.stringContaining('手机号'),
      });
    }
  });
});

describe('fieldErrors: one message per field, for the form', () => {
  test('each field in error gets its first message; fields without an error get none', () => {
    const result = parseInput(registerRequest, registration({ name: '', skills: ['电\u200B工', '长'.repeat(13)] }));
    expect(fieldErrors(result)).toEqual({ name: '请填写姓名', skills: '技能中有看不见的特殊字符，请删除后重新填写' });
  });

  test('neither a phone nor a code is said at the phone field', () => {
    expect(fieldErrors(parseInput(registerRequest, registration({ phone: undefined })))).toEqual({
      phone: '请填写11位手机号',
    });
  });

  test('an empty phone or pledge is asked for, not measured', () => {
    expect(fieldErrors(parseInput(registerRequest, registration({ phone: '', pledge: '  ' })))).toEqual({
      phone: '请填写手机号',
      pledge: '请写一句承诺',
    });
  });

  test('a valid request has none', () => {
    expect(fieldErrors(parseInput(registerRequest, registration()))).toEqual({});
  });
});
