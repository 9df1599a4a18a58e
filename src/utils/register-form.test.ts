import { aMemberProfile } from '../../domain/testing';
import { parseInput, registerRequest } from '../../domain/schemas/user';
import {
  type RegisterForm,
  firstErrorControl,
  needsReconfirmation,
  overLimitErrors,
  validateForm,
} from './register-form';
import { parseSkills } from './skills';

/** The form must refuse exactly what the function refuses, so people see the mistake before sending. */
const valid: RegisterForm = {
  name: '张建国',
  phone: '13812341234',
  phoneCode: '',
  unitId: 'U01',
  skills: '电工、摄影',
  willingness: ['维修'],
  pledge: '每月为社区做一件实事',
  pledgePublic: false,
};

const cases: Array<[string, Partial<RegisterForm>]> = [
  ['a valid form', {}],
  ['a one-character name', { name: '张' }],
  ['a name padded with spaces', { name: '  张建国  ' }],
  ['a 20-character name', { name: '张'.repeat(20) }],
  ['a 21-character name', { name: '张'.repeat(21) }],
  ['a landline', { phone: '075512345678' }],
  ['a number starting 12', { phone: '12812341234' }],
  ['no phone but a WeChat phone code', { phone: '', phoneCode: 'code-from-button' }],
  ['no phone at all', { phone: '' }],
  ['no unit', { unitId: '' }],
  ['no skills', { skills: '' }],
  ['eight skills', { skills: '一,二,三,四,五,六,七,八' }],
  ['nine skills', { skills: '一,二,三,四,五,六,七,八,九' }],
  ['a 13-character skill', { skills: '长'.repeat(13) }],
  ['no service kind', { willingness: [] }],
  ['a 3-character pledge', { pledge: '做好事' }],
  ['a 60-character pledge', { pledge: '承'.repeat(60) }],
  ['a 61-character pledge', { pledge: '承'.repeat(61) }],
  // What people type into the phone field, normalised by both.
  ['a phone with spaces', { phone: '138 1234 1234' }],
  ['a phone with dashes', { phone: '138-1234-1234' }],
  ['a phone in full-width digits', { phone: '１３８１２３４１２３４' }],
  ['a phone with +86', { phone: '+86 138 1234 1234' }],
  ['a phone with 0086', { phone: '0086-13812341234' }],
  ['a phone with a full-width plus and dash', { phone: '＋８６ １３８－１２３４－１２３４' }],
  ['a phone with brackets', { phone: '(138) 1234 1234' }],
  ['a phone one digit short with spaces', { phone: '138 1234 123' }],
  ['a phone with letters', { phone: '138 1234 abcd' }],
  ['a phone with +1', { phone: '+1 138 1234 1234' }],
  // Names: long ones are refused, never cut; hidden characters are refused; one Unicode form.
  ['a 200-character name', { name: '张'.repeat(200) }],
  ['a name with a right-to-left override', { name: '\u202e张建国' }],
  ['a name with a zero-width space', { name: '张\u200b建国' }],
  ['a name with a lone surrogate', { name: '张\ud800国' }],
  ['a name with a control character', { name: '张\u0007建国' }],
  ['a decomposed name (NFD)', { name: 'Zoe\u0301 张' }],
  ['a name of two characters outside the BMP', { name: '𠀀𠀁' }],
  ['a skill with a zero-width joiner', { skills: '电\u200d工' }],
  ['a pledge with a right-to-left mark', { pledge: '每月为社区\u200f做一件实事' }],
];

describe('the registration form agrees with user.register', () => {
  test.each(cases)('%s', (_label, change) => {
    const form = { ...valid, ...change };
    const client = validateForm(form);
    const server = parseInput(registerRequest, {
      name: form.name,
      ...(form.phoneCode ? { phoneCode: form.phoneCode } : form.phone ? { phone: form.phone } : {}),
      unitId: form.unitId,
      skills: parseSkills(form.skills),
      willingness: form.willingness,
      pledge: form.pledge,
      pledgePublic: form.pledgePublic,
    });
    expect(client.request !== null).toBe(server.success);
    if (client.request) expect(parseInput(registerRequest, client.request).data).toEqual(server.data);
  });

  test('what it sends is trimmed and de-duplicated', () => {
    const { request } = validateForm({ ...valid, name: ' 张建国 ', skills: '电工，电工 摄影' });
    expect(request).toMatchObject({ name: '张建国', skills: ['电工', '摄影'], phone: '13812341234' });
  });

  test('a phone as people type it is sent as 11 plain digits', () => {
    for (const phone of ['+86 138-1234-1234', '１３８ １２３４ １２３４', '0086 138 1234 1234']) {
      expect(validateForm({ ...valid, phone }).request?.phone).toBe('13812341234');
    }
  });

  test('a name is sent in one Unicode form (NFC)', () => {
    expect(validateForm({ ...valid, name: 'Zoe\u0301 张' }).request?.name).toBe('Zoé 张');
  });
});

describe('what the form says and where it goes', () => {
  test('an empty form: every required field is in error, and the first one (姓名) gets the focus', () => {
    const empty: RegisterForm = { ...valid, name: '', phone: '', unitId: '', skills: '', willingness: [], pledge: '' };
    const { errors } = validateForm(empty);
    expect(Object.keys(errors).sort()).toEqual(['name', 'phone', 'pledge', 'unitId', 'willingness']);
    expect(firstErrorControl(errors)).toBe('name');
  });

  test('the focus goes to the topmost field in error, by the order on the page', () => {
    expect(firstErrorControl(validateForm({ ...valid, unitId: '', pledge: '' }).errors)).toBe('unit');
    expect(firstErrorControl(validateForm({ ...valid, willingness: [], pledge: '' }).errors)).toBe('willingness-0');
    expect(firstErrorControl(validateForm(valid).errors)).toBeNull();
  });

  test('a name or pledge too long is said while typing, with how long it is; nothing else is', () => {
    expect(overLimitErrors({ ...valid, name: '张'.repeat(21), phone: '' })).toEqual({
      name: '姓名最多20个字，现在是21个字',
    });
    expect(overLimitErrors({ ...valid, pledge: '承'.repeat(61) }).pledge).toContain('61');
    expect(overLimitErrors({ ...valid, name: '', phone: '', unitId: '' })).toEqual({});
  });
});

describe('a confirmed member is warned before a change that needs confirmation again', () => {
  const member = aMemberProfile();
  const request = validateForm(valid).request!;

  test.each([
    ['the name', { ...request, name: '张建华' }, true],
    ['the phone', { ...request, phone: '13912341234' }, true],
    ['the phone, from WeChat', { ...request, phone: undefined, phoneCode: 'code' }, true],
    ['the unit', { ...request, unitId: 'U02' }, true],
    ['only the skills and pledge', { ...request, skills: ['摄影'], pledge: '邻里有事随叫随到' }, false],
    ['the same phone typed with spaces', validateForm({ ...valid, phone: '138 1234 1234' }).request!, false],
  ])('changing %s', (_label, changed, warned) => {
    expect(needsReconfirmation(member, changed)).toBe(warned);
  });

  test('a member not yet confirmed is not warned', () => {
    expect(needsReconfirmation({ ...member, status: 'unverified' }, { ...request, name: '张建华' })).toBe(false);
  });
});
