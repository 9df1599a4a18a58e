import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import {
  REGISTRATION_LIMITS,
  type Me,
  type MemberProfile,
  type RegisterRequest,
  type UnitSummary,
} from '../../../types';
import { call } from '../../api/client';
import { ActionButton } from '../../components/ActionButton';
import { Alert } from '../../components/Alert';
import { Notice } from '../../components/Notice';
import { CheckboxField } from '../../components/CheckboxField';
import { Page } from '../../components/Page';
import { PhoneQuickFill } from './PhoneQuickFill';
import { RegisterDone } from './RegisterDone';
import { Loaded } from '../../components/Loaded';
import { SkillsField } from './SkillsField';
import { StandingNote } from '../../features/member/StandingNote';
import { TextAreaField } from '../../components/TextAreaField';
import { TextField } from '../../components/TextField';
import { UnitSelect } from './UnitSelect';
import { WillingnessChoices } from './WillingnessChoices';
import { useFreshMe } from '../../hooks/me';
import { type Action, useAction } from '../../hooks/use-action';
import { useNavigationTitle } from '../../hooks/use-navigation-title';
import { both, useRemote } from '../../hooks/use-remote';
import { focusControl } from '../../platform/focus';
import { standingOf } from '../../utils/member-standing';
import {
  firstErrorControl,
  initialForm,
  needsReconfirmation,
  overLimitErrors,
  validateForm,
  type RegisterForm,
} from '../../utils/register-form';

const { nameMin, nameMax, pledgeMax } = REGISTRATION_LIMITS;

/** Units whose name contains the search text; the chosen one always stays in the list. */
function filterUnits(units: UnitSummary[], query: string, selectedId: string): UnitSummary[] {
  const q = query.trim();
  if (!q) return units;
  return units.filter((unit) => unit.id === selectedId || unit.name.includes(q));
}

/** A confirmed member is told, before anything is saved, that this change sends them back to their unit admin. */
async function confirmReconfirmation(member: MemberProfile): Promise<boolean> {
  const answer = await Taro.showModal({
    title: '需要重新确认',
    content: `您修改了姓名、手机号或工作单位。保存后，需要单位党组织重新确认您的党员身份（现在是${member.unit.name}），确认前暂时不能报到。确定保存吗？`,
    confirmText: '保存',
    cancelText: '再看看',
    confirmColor: '#c8161d',
  });
  return answer.confirm;
}

/** What saving answered, and whether it changed an existing registration (the page keeps its title). */
interface Saved {
  member: MemberProfile;
  edited: boolean;
}

export default function RegisterPage() {
  const me = useFreshMe();
  const units = useRemote(() => call('unit', 'list', {}));
  const save = useAction(async (request: RegisterRequest, edited: boolean): Promise<Saved> => {
    const { member } = await call('user', 'register', request);
    void me.reload();
    return { member, edited };
  });

  const member = me.data?.member ?? null;
  const standing = standingOf(member);
  const editing = save.data ? save.data.edited : Boolean(member);
  const title = standing.kind === 'rejected' ? '在职党员登记' : editing ? '修改登记信息' : '在职党员注册';
  useNavigationTitle(title);

  if (save.data) {
    return (
      <Page title={title}>
        <RegisterDone member={save.data.member} />
      </Page>
    );
  }

  // A rejection stands until the unit admin reverses it: the form would only be refused, so show the decision.
  if (standing.kind === 'rejected') {
    return (
      <Page title={title}>
        <StandingNote standing={standing} />
      </Page>
    );
  }

  return (
    <Page title={title}>
      <Loaded remote={both(me, units)}>
        {([me, { units }]) => <RegistrationForm me={me} units={units} save={save} />}
      </Loaded>
    </Page>
  );
}

interface FormProps {
  me: Me;
  units: UnitSummary[];
  save: Action<[RegisterRequest, boolean], Saved>;
}

/** The form, filled once from the current registration when it opens (later reloads never overwrite what was typed). */
function RegistrationForm({ me, units, save }: FormProps) {
  const member = me.member;
  const editing = Boolean(member);
  const [form, setForm] = useState<RegisterForm>(() => initialForm(me));
  const [submitted, setSubmitted] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [unitQuery, setUnitQuery] = useState('');
  // Set by a refused submit (a new object each time): once its errors are on screen, the first one takes the focus.
  const [focusTarget, setFocusTarget] = useState<{ control: string } | null>(null);
  useEffect(() => {
    if (focusTarget) focusControl(focusTarget.control);
  }, [focusTarget]);

  const errors = submitted ? validateForm(form).errors : overLimitErrors(form);

  const set = <K extends keyof RegisterForm>(key: K, value: RegisterForm[K]) =>
    setForm((prev) => ({ ...prev, [key]: value }));

  const submit = async () => {
    setFormError(null);
    save.reset();
    setSubmitted(true);
    const { errors: found, request } = validateForm(form);
    if (!request) {
      setFormError('有几项需要修改，请查看红字提示');
      const control = firstErrorControl(found);
      setFocusTarget(control ? { control } : null);
      return;
    }
    if (member && needsReconfirmation(member, request) && !(await confirmReconfirmation(member))) return;
    await save.run(request, editing);
  };

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      {member?.status === 'verified' ? (
        <Notice>
          您的党员身份已经确认。如果修改姓名、手机号或工作单位，需要单位党组织重新确认；其他内容可以直接修改。
        </Notice>
      ) : null}
      <p className="rb-text rb-muted">标有「必填」的项目需要填写。</p>
      <TextField
        id="name"
        label="姓名"
        required
        value={form.name}
        onChange={(v) => set('name', v)}
        autoComplete="name"
        hint={`${nameMin}到${nameMax}个字`}
        error={errors.name}
      />
      <TextField
        id="phone"
        label={form.phoneCode ? '手机号（已通过微信获取，可不填）' : '手机号'}
        required={!form.phoneCode}
        type="tel"
        value={form.phone}
        onChange={(v) => setForm((prev) => ({ ...prev, phone: v, phoneCode: '' }))}
        autoComplete="tel"
        hint="11位手机号，可以带空格或横线"
        error={errors.phone}
      />
      <PhoneQuickFill
        hasCode={Boolean(form.phoneCode)}
        onCode={(code) => setForm((prev) => ({ ...prev, phoneCode: code }))}
        onRefused={() => setFormError('没有获取到微信手机号，请直接输入手机号')}
      />
      {units.length > 12 ? (
        <TextField
          id="unit-search"
          label="查找工作单位（输入单位名称中的字）"
          value={unitQuery}
          onChange={setUnitQuery}
          placeholder="例如：教育局"
        />
      ) : null}
      <UnitSelect
        id="unit"
        label="工作单位"
        required
        units={filterUnits(units, unitQuery, form.unitId)}
        value={form.unitId}
        onChange={(v) => set('unitId', v)}
        error={errors.unitId}
        hint={editing ? '更换工作单位后，需要新单位的党组织重新确认。' : undefined}
      />
      <SkillsField value={form.skills} onChange={(v) => set('skills', v)} error={errors.skills} />
      <WillingnessChoices value={form.willingness} onChange={(v) => set('willingness', v)} error={errors.willingness} />
      <TextAreaField
        id="pledge"
        label="一句话承诺"
        required
        value={form.pledge}
        onChange={(v) => set('pledge', v)}
        maxChars={pledgeMax}
        placeholder="例如：邻里有事，随叫随到"
        error={errors.pledge}
      />
      <div className="rb-field">
        <CheckboxField
          id="pledge-public"
          label="同意在社区公示栏公开我的承诺"
          checked={form.pledgePublic}
          onChange={(v) => set('pledgePublic', v)}
        />
        <p className="rb-field__hint">不勾选也可以注册，承诺只给社区和单位党组织看。</p>
      </div>
      <Alert message={formError ?? save.error?.message} />
      <ActionButton block big busy={save.busy} busyText="正在提交…" onClick={() => void submit()}>
        {editing ? '保存修改' : '提交注册'}
      </ActionButton>
    </form>
  );
}
