import { aRegistration } from '../testing';
import { ERRORS } from '../../types/errors';
import { CHECKIN_INPUTS } from './checkin';
import { UNIT_INPUTS } from './unit';
import { inputRefusal, parseInput } from './parse';
import { USER_INPUTS, registerRequest } from './user';

/** What a function answers for a request: the parsed request, or the refusal it sends back. */
function answer(schema: Parameters<typeof parseInput>[0], data: unknown) {
  const result = parseInput(schema, data);
  return result.success
    ? { ok: true as const, data: result.data }
    : { ok: false as const, ...inputRefusal(result.issues) };
}

const registration = aRegistration();

describe('a request is an object with exactly its fields', () => {
  test.each([
    ['a list', []],
    ['a number', 1],
    ['null', null],
  ])('%s is refused', (_label, data) => {
    expect(answer(UNIT_INPUTS.list, data)).toEqual({ ok: false, code: 'INVALID_INPUT', message: ERRORS.INVALID_INPUT });
  });

  test('an unknown field is refused; a missing optional field stays missing', () => {
    expect(answer(UNIT_INPUTS.list, { extra: 1 })).toEqual({
      ok: false,
      code: 'INVALID_INPUT',
      message: ERRORS.INVALID_INPUT,
    });
    expect(answer(CHECKIN_INPUTS.checkIn, { communityId: 'C01' })).toStrictEqual({
      ok: true,
      data: { communityId: 'C01' },
    });
  });

  test('a missing field is refused with that field’s own message', () => {
    expect(answer(UNIT_INPUTS.verifyMember, { decision: 'verify' })).toMatchObject({ message: '请选择一名党员' });
    expect(answer(CHECKIN_INPUTS.checkIn, {})).toMatchObject({
      code: 'INVALID_INPUT',
      message: ERRORS.COMMUNITY_NOT_FOUND,
    });
  });

  test('deleteMyData without confirm: true answers CONFIRMATION_NEEDED, even beside an unknown field', () => {
    for (const data of [{}, { confirm: false }, { confirm: 'true' }, { confirm: false, memberId: 'x' }]) {
      expect(answer(USER_INPUTS.deleteMyData, data)).toEqual({
        ok: false,
        code: 'CONFIRMATION_NEEDED',
        message: ERRORS.CONFIRMATION_NEEDED,
      });
    }
  });
});

describe('the registration counts characters as people do', () => {
  test('a character outside the BMP is one character', () => {
    expect(answer(registerRequest, { ...registration, name: '𠀀'.repeat(20) })).toMatchObject({ ok: true });
    expect(answer(registerRequest, { ...registration, name: '𠀀'.repeat(21) })).toMatchObject({
      message: '姓名最多20个字，请您检查后重新填写',
    });
    expect(answer(registerRequest, { ...registration, name: '𠀀' })).toMatchObject({ message: '姓名至少2个字' });
  });
});

describe('a list that is too long is refused for its length alone', () => {
  test('nine skills, the first with a hidden character', () => {
    const skills = ['电\u200B工', ...Array.from({ length: 8 }, (_, i) => `技能${i}`)];
    expect(answer(registerRequest, { ...registration, skills })).toMatchObject({ message: '技能最多填写8项' });
  });

  test('more services than there are', () => {
    expect(answer(registerRequest, { ...registration, willingness: Array(9).fill('维修') })).toMatchObject({
      message: '请选择愿意参与的服务',
    });
  });
});
