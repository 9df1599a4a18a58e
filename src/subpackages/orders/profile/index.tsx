import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import {
  ORDER_LIMITS,
  type CommunitySummary,
  type ResidentProfileInput,
  type ResidentProfileView,
} from '../../../../types';
import { call } from '../../../api/client';
import { ActionButton } from '../../../components/ActionButton';
import { Alert } from '../../../components/Alert';
import { Card } from '../../../components/Card';
import { DeleteCard } from '../../../components/DeleteCard';
import { DateText } from '../../../components/DateText';
import { InfoList } from '../../../components/InfoList';
import { LinkRow } from '../../../components/LinkRow';
import { Loaded } from '../../../components/Loaded';
import { Notice } from '../../../components/Notice';
import { OutcomeCard } from '../../../components/OutcomeCard';
import { Page } from '../../../components/Page';
import { PickField } from '../../../components/PickField';
import { TextField } from '../../../components/TextField';
import { AddressFields } from '../../../features/orders/AddressFields';
import { initialProfile, validateProfile } from '../../../features/orders/order-form';
import { useCheckedForm } from '../../../features/orders/use-checked-form';
import { useMe } from '../../../hooks/me';
import { useAction } from '../../../hooks/use-action';
import { both, useRemote } from '../../../hooks/use-remote';
import { PhoneQuickFill } from '../../../pages/register/PhoneQuickFill';
import { ROUTES } from '../../../routes';

const { nameMin, nameMax } = ORDER_LIMITS;

/** What deleting removes and what it keeps, said before and after. */
const DELETION = {
  removed: '删除后，您的姓名、电话和住址将被删除；您还没办完的需求会被撤回，已领办的党员也看不到您的联系方式了。',
  kept: '已经办完的需求会保留，但不再显示您的姓名，这样社区的办结数量保持不变。',
};

/** 我的居民资料: name, phone and address, given once for every request; seen, corrected or deleted here. */
export default function ResidentProfilePage() {
  const { params } = useRouter();
  const thenPost = params.next === 'post';
  const profile = useRemote(() => call('order', 'getProfile', {}));
  const communities = useRemote(() => call('community', 'list', {}));
  const me = useMe();
  const deletion = useAction(() => call('order', 'deleteProfile', { confirm: true }));

  if (deletion.data) {
    return (
      <Page title="我的居民资料">
        <OutcomeCard title="已删除您的居民资料">
          <p className="rb-text">
            撤回了<span className="rb-number">{deletion.data.cancelled}</span>个还没办完的需求，
            <span className="rb-number">{deletion.data.anonymised}</span>个已办完的需求不再显示您的姓名。
          </p>
          <LinkRow to="orders" label="返回点单" />
        </OutcomeCard>
      </Page>
    );
  }

  return (
    <Page title="我的居民资料">
      <Loaded remote={both(both(profile, communities), me)}>
        {([[{ profile: current }, { communities: list }], { name }]) => (
          <>
            {thenPost && !current ? (
              <Notice>第一次点单，请先留下您的姓名、电话和住址。保存后就可以点单了。</Notice>
            ) : null}
            {current ? <KeptCard profile={current} /> : null}
            <ProfileFormView
              profile={current}
              name={name}
              communities={list}
              thenPost={thenPost}
              onSaved={(saved) => profile.setData({ profile: saved })}
            />
            {current ? (
              <DeleteCard
                title="删除我的资料"
                explained={[DELETION.removed, DELETION.kept]}
                confirm={{
                  title: '删除我的资料',
                  content: `${DELETION.removed}${DELETION.kept}删除后不能恢复，确定删除吗？`,
                }}
                deletion={deletion}
              />
            ) : null}
          </>
        )}
      </Loaded>
    </Page>
  );
}

/** Everything kept about the resident, as it is stored. */
function KeptCard({ profile }: { profile: ResidentProfileView }) {
  return (
    <Card title="我们保存的信息">
      <InfoList
        items={[
          { key: '姓名', value: profile.name },
          { key: '电话', value: profile.phone },
          { key: '社区', value: profile.community.name },
          { key: '小区', value: profile.compound },
          { key: '楼栋', value: profile.building },
          { key: '单元', value: profile.unit },
          { key: '房号', value: profile.room },
          { key: '更新时间', value: <DateText at={profile.updatedAt} time /> },
        ]}
      />
      <p className="rb-text rb-muted">
        发布后，党员只能看到您的小区；领办您需求的党员和社区工作人员才能看到您的电话和住址。
      </p>
    </Card>
  );
}

interface FormProps {
  profile: ResidentProfileView | null;
  /** The person's name as the app knows it (a member's), to start the form with. */
  name: string | null;
  communities: CommunitySummary[];
  thenPost: boolean;
  onSaved: (profile: ResidentProfileView) => void;
}

function ProfileFormView({ profile, name, communities, thenPost, onSaved }: FormProps) {
  const [saved, setSaved] = useState(false);
  const { form, setForm, set, errors, formError, setFormError, check } = useCheckedForm(
    () => initialProfile(profile, name),
    validateProfile,
    () => setSaved(false),
  );
  const save = useAction(
    async (request: ResidentProfileInput) => (await call('order', 'saveProfile', request)).profile,
  );

  const submit = async () => {
    const request = check();
    if (!request) return;
    const result = await save.run(request);
    if (!result) return;
    if (thenPost) {
      await Taro.redirectTo({ url: ROUTES.orderPost.path });
      return;
    }
    setSaved(true);
    onSaved(result);
  };

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <Card title={profile ? '修改我的资料' : '填写我的资料'}>
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
          label="手机号"
          type="tel"
          required
          value={form.phoneCode ? '' : form.phone}
          placeholder={form.phoneCode ? '已获取微信手机号' : undefined}
          onChange={(v) => setForm((prev) => ({ ...prev, phone: v, phoneCode: '' }))}
          autoComplete="tel"
          hint="11位手机号，只有领办的党员和社区工作人员能看到"
          error={errors.phone}
        />
        <PhoneQuickFill
          hasCode={Boolean(form.phoneCode)}
          onCode={(code) => set('phoneCode', code)}
          onRefused={() => setFormError('没有获取到微信手机号，请直接输入手机号')}
        />
        <PickField
          id="community"
          label="所在社区"
          mode="selector"
          required
          value={form.communityId}
          options={communities.map((c) => ({ value: c.id, label: `${c.name}（${c.street}）` }))}
          placeholder="点此选择社区"
          onChange={(v) => set('communityId', v)}
          error={errors.communityId}
        />
        <AddressFields value={form} onChange={set} errors={errors} />
        {saved ? (
          <Notice tone="ok" role="status">
            已保存
          </Notice>
        ) : null}
        <Alert message={formError ?? save.error?.message} />
        <ActionButton block big busy={save.busy} busyText="正在保存…" onClick={() => void submit()}>
          {thenPost ? '保存，去点单' : '保存'}
        </ActionButton>
      </Card>
    </form>
  );
}
