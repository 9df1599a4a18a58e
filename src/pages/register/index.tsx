import { useEffect, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { REGISTRATION_LIMITS, type MemberProfile, type RegisterRequest, type UnitSummary } from '../../../types';
import { call, errorMessage } from '../../api/client';
import { ActionButton } from '../../components/ActionButton';
import { Alert } from '../../components/Alert';
import { Notice } from '../../components/Notice';
import { CheckboxField } from '../../components/CheckboxField';
import { Page } from '../../components/Page';
import { PhoneQuickFill } from './PhoneQuickFill';
import { RegisterDone } from './RegisterDone';
import { RemoteStatus } from '../../components/RemoteStatus';
import { SkillsField } from './SkillsField';
import { StandingNote } from '../../features/member/StandingNote';
import { TextAreaField } from '../../components/TextAreaField';
import { TextField } from '../../components/TextField';
import { UnitSelect } from './UnitSelect';
import { WillingnessChoices } from './WillingnessChoices';
import { useRemote } from '../../hooks/useRemote';
import { focusControl } from '../../platform/focus';
import { standingOf } from '../../utils/memberStanding';
import {
  firstErrorControl,
  initialForm,
  needsReconfirmation,
  overLimitErrors,
  validateForm,
  type RegisterForm,
} from '../../utils/registerForm';

const { nameMin, nameMax, pledgeMax } = REGISTRATION_LIMITS;

async function loadRegister() {
  const [me, { units }] = await Promise.all([call('user', 'getMe', {}), call('unit', 'list', {})]);
  return { me, units };
}

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

export default function RegisterPage() {
  const remote = useRemote(loadRegister);
  const [form, setForm] = useState<RegisterForm>(() => initialForm(undefined));
  const [submitted, setSubmitted] = useState(false);
  const [focusRequest, setFocusRequest] = useState(0);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [unitQuery, setUnitQuery] = useState('');
  const [saved, setSaved] = useState<MemberProfile | null>(null);
  const prefilled = useRef(false);

  // Fill the form once from the current registration; later reloads must not overwrite what was typed.
  useEffect(() => {
    if (remote.data && !prefilled.current) {
      prefilled.current = true;
      setForm(initialForm(remote.data.me));
    }
  }, [remote.data]);

  // After a refused submit, once the errors are on screen: the first one gets the focus and is scrolled to.
  const errors = submitted ? validateForm(form).errors : overLimitErrors(form);
  const firstError = firstErrorControl(errors);
  useEffect(() => {
    if (focusRequest > 0 && firstError) focusControl(firstError);
    // Only a new submit moves the focus, not every keystroke that changes the errors.
  }, [focusRequest]);

  const set = <K extends keyof RegisterForm>(key: K, value: RegisterForm[K]) =>
    setForm((prev) => ({ ...prev, [key]: value }));

  const member = remote.data?.me.member ?? null;

  const save = async (request: RegisterRequest) => {
    if (member && needsReconfirmation(member, request) && !(await confirmReconfirmation(member))) return;
    setBusy(true);
    try {
      const { member: savedMember } = await call('user', 'register', request);
      setSaved(savedMember);
    } catch (e) {
      setSubmitError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const submit = async () => {
    setSubmitError(null);
    setSubmitted(true);
    const { request } = validateForm(form);
    if (!request) {
      setSubmitError('有几项需要修改，请查看红字提示');
      setFocusRequest((n) => n + 1);
      return;
    }
    await save(request);
  };

  const editing = Boolean(member);
  const standing = standingOf(member);
  const title = standing.kind === 'rejected' ? '在职党员登记' : editing ? '修改登记信息' : '在职党员注册';

  if (saved) {
    return (
      <Page title={title}>
        <RegisterDone member={saved} />
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

  const units = remote.data?.units ?? [];
  return (
    <Page title={title}>
      <RemoteStatus remote={remote} />
      {remote.data ? (
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
            onRefused={() => setSubmitError('没有获取到微信手机号，请直接输入手机号')}
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
          <WillingnessChoices
            value={form.willingness}
            onChange={(v) => set('willingness', v)}
            error={errors.willingness}
          />
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
          <Alert message={submitError} />
          <ActionButton block big busy={busy} busyText="正在提交…" onClick={() => void submit()}>
            {editing ? '保存修改' : '提交注册'}
          </ActionButton>
        </form>
      ) : null}
    </Page>
  );
}
