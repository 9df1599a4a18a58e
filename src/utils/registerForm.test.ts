import { registerInput } from '../../cloudfunctions/user/register-input';
import { type RegisterForm, validateForm } from './registerForm';
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
];

describe('the registration form agrees with user.register', () => {
  test.each(cases)('%s', (_label, change) => {
    const form = { ...valid, ...change };
    const client = validateForm(form);
    const server = registerInput.safeParse({
      name: form.name,
      ...(form.phoneCode ? { phoneCode: form.phoneCode } : form.phone ? { phone: form.phone } : {}),
      unitId: form.unitId,
      skills: parseSkills(form.skills),
      willingness: form.willingness,
      pledge: form.pledge,
      pledgePublic: form.pledgePublic,
    });
    expect(client.request !== null).toBe(server.success);
    if (client.request) expect(registerInput.parse(client.request)).toEqual(server.data);
  });

  test('what it sends is trimmed and de-duplicated', () => {
    const { request } = validateForm({ ...valid, name: ' 张建国 ', skills: '电工，电工 摄影' });
    expect(request).toMatchObject({ name: '张建国', skills: ['电工', '摄影'], phone: '13812341234' });
  });
});
