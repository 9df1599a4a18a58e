import { useEffect, useRef, useState } from 'react';
import { REGISTRATION_LIMITS, type MemberProfile, type UnitSummary } from '../../../types';
import { call, errorMessage } from '../../api/client';
import { ActionButton } from '../../components/ActionButton';
import { Alert } from '../../components/Alert';
import { CheckboxField } from '../../components/CheckboxField';
import { Page } from '../../components/Page';
import { RemoteStatus } from '../../components/RemoteStatus';
import { PhoneQuickFill } from '../../components/PhoneQuickFill';
import { RegisterDone } from '../../components/RegisterDone';
import { SkillsField } from '../../components/SkillsField';
import { TextAreaField } from '../../components/TextAreaField';
import { TextField } from '../../components/TextField';
import { UnitSelect } from '../../components/UnitSelect';
import { WillingnessChoices } from '../../components/WillingnessChoices';
import { useRemote } from '../../hooks/useRemote';
import { initialForm, validateForm, type RegisterErrors, type RegisterForm } from '../../utils/registerForm';

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

export default function RegisterPage() {
  const remote = useRemote(loadRegister);
  const [form, setForm] = useState<RegisterForm>(() => initialForm(undefined));
  const [errors, setErrors] = useState<RegisterErrors>({});
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

  const set = <K extends keyof RegisterForm>(key: K, value: RegisterForm[K]) =>
    setForm((prev) => ({ ...prev, [key]: value }));

  const submit = async () => {
    setSubmitError(null);
    const { errors: found, request } = validateForm(form);
    setErrors(found);
    if (!request) {
      setSubmitError('有几项需要修改，请查看红字提示');
      return;
    }
    setBusy(true);
    try {
      const { member } = await call('user', 'register', request);
      setSaved(member);
    } catch (e) {
      setSubmitError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const editing = Boolean(remote.data?.me.member);
  const title = editing ? '修改登记信息' : '在职党员注册';

  if (saved) {
    return (
      <Page title={title}>
        <RegisterDone member={saved} />
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
          <TextField
            id="name"
            label="姓名"
            value={form.name}
            onChange={(v) => set('name', v)}
            maxLength={20}
            autoComplete="name"
            error={errors.name}
          />
          <TextField
            id="phone"
            label={form.phoneCode ? '手机号（已通过微信获取，可不填）' : '手机号'}
            type="tel"
            value={form.phone}
            onChange={(v) => setForm((prev) => ({ ...prev, phone: v, phoneCode: '' }))}
            maxLength={11}
            autoComplete="tel"
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
            value={form.pledge}
            onChange={(v) => set('pledge', v)}
            maxLength={REGISTRATION_LIMITS.pledgeMax}
            placeholder="例如：邻里有事，随叫随到"
            error={errors.pledge}
          />
          <div className="field">
            <CheckboxField
              id="pledge-public"
              label="同意在社区公示栏公开我的承诺"
              checked={form.pledgePublic}
              onChange={(v) => set('pledgePublic', v)}
            />
            <p className="field-hint">不勾选也可以注册，承诺只给社区和单位党组织看。</p>
          </div>
          <Alert message={submitError} />
          <ActionButton block big busy={busy} busyText="正在提交…" onClick={() => void submit()}>
            提交注册
          </ActionButton>
        </form>
      ) : null}
    </Page>
  );
}
