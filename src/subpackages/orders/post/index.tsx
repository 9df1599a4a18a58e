import { useState } from 'react';
import Taro from '@tarojs/taro';
import { ORDER_KINDS, ORDER_LIMITS } from '../../../../types';
import { call } from '../../../api/client';
import { ActionButton } from '../../../components/ActionButton';
import { Alert } from '../../../components/Alert';
import { LinkRow } from '../../../components/LinkRow';
import { Loaded } from '../../../components/Loaded';
import { Notice } from '../../../components/Notice';
import { Page } from '../../../components/Page';
import { PickField } from '../../../components/PickField';
import { TextAreaField } from '../../../components/TextAreaField';
import { askToSubscribe } from '../../../features/notify/subscribe';
import { orderUrl } from '../../../features/orders/links';
import {
  type OrderForm,
  chinaDay,
  initialOrder,
  lastWantedDay,
  validateOrder,
} from '../../../features/orders/order-form';
import { PhotoPicker } from '../../../features/photos/PhotoPicker';
import { useAction } from '../../../hooks/use-action';
import { useRemote } from '../../../hooks/use-remote';

const KIND_OPTIONS = ORDER_KINDS.map((kind) => ({ value: kind, label: kind }));

/** 我要点单: what kind of help, what exactly, by when, and photos if they help. */
export default function OrderPostPage() {
  const profile = useRemote(() => call('order', 'getProfile', {}));
  return (
    <Page title="我要点单">
      <Loaded remote={profile}>
        {({ profile: current }) =>
          current ? (
            <>
              <p className="rb-text rb-muted">
                提交后，{current.community.name}的工作人员会先看一下，再发布给住在附近的在职党员。
              </p>
              <OrderFormView />
            </>
          ) : (
            <>
              <Notice>第一次点单，请先留下您的姓名、电话和住址。</Notice>
              <LinkRow to="residentProfile" label="填写我的资料" />
            </>
          )
        }
      </Loaded>
    </Page>
  );
}

function OrderFormView() {
  const [form, setForm] = useState<OrderForm>(initialOrder);
  const [submitted, setSubmitted] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const post = useAction(async () => {
    const { request } = validateOrder(form);
    if (!request) return null;
    return (await call('order', 'post', request)).order;
  });
  const errors = submitted ? validateOrder(form).errors : {};
  const set = <K extends keyof OrderForm>(key: K, value: OrderForm[K]) =>
    setForm((prev) => ({ ...prev, [key]: value }));

  const submit = async () => {
    setFormError(null);
    setSubmitted(true);
    if (!validateOrder(form).request) {
      setFormError('有几项需要修改，请查看红字提示');
      return;
    }
    // WeChat opens its prompt only from a tap, before any other await.
    await askToSubscribe(['orderTaken', 'orderDone']);
    const order = await post.run();
    if (!order) return;
    void Taro.showToast({ title: '已提交', icon: 'success' });
    await Taro.redirectTo({ url: orderUrl(order.id) });
  };

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <PickField
        id="kind"
        label="需要哪方面的帮助"
        mode="selector"
        required
        value={form.kind}
        options={KIND_OPTIONS}
        placeholder="点此选择类别"
        onChange={(v) => set('kind', v as OrderForm['kind'])}
        error={errors.kind}
      />
      <TextAreaField
        id="text"
        label="需要帮您做什么"
        required
        value={form.text}
        onChange={(v) => set('text', v)}
        maxChars={ORDER_LIMITS.textMax}
        placeholder="例如：家里水龙头漏水，想请人帮忙换一个"
        error={errors.text}
      />
      <PickField
        id="date"
        label="希望哪天前办好"
        mode="date"
        required
        value={form.date}
        start={chinaDay()}
        end={lastWantedDay()}
        placeholder="点此选择日期"
        onChange={(v) => set('date', v)}
        error={errors.date}
      />
      <PickField
        id="time"
        label="几点前办好"
        mode="time"
        required
        value={form.time}
        placeholder="点此选择时间"
        onChange={(v) => set('time', v)}
        error={errors.time}
      />
      <PhotoPicker
        id="photos"
        label="照片（可以不加）"
        max={ORDER_LIMITS.photosMax}
        value={form.photos}
        onChange={(v) => set('photos', v)}
        error={errors.photos}
      />
      <p className="rb-text rb-muted">党员领办前只能看到您的小区，看不到您的电话和门牌号。</p>
      <Alert message={formError ?? post.error?.message} />
      <ActionButton block big busy={post.busy} busyText="正在提交…" onClick={() => void submit()}>
        提交需求
      </ActionButton>
    </form>
  );
}
