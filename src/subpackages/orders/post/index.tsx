import Taro from '@tarojs/taro';
import type { OrderInput } from '../../../../types';
import { call } from '../../../api/client';
import { ActionButton } from '../../../components/ActionButton';
import { Alert } from '../../../components/Alert';
import { LinkRow } from '../../../components/LinkRow';
import { Loaded } from '../../../components/Loaded';
import { Notice } from '../../../components/Notice';
import { Page } from '../../../components/Page';
import { askToSubscribe } from '../../../features/notify/subscribe';
import { orderUrl } from '../../../features/orders/links';
import { RequestFields } from '../../../features/orders/RequestFields';
import { initialOrder, validateOrder } from '../../../features/orders/order-form';
import { useCheckedForm } from '../../../features/orders/use-checked-form';
import { useAction } from '../../../hooks/use-action';
import { useRemote } from '../../../hooks/use-remote';

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
  const { form, set, errors, formError, check } = useCheckedForm(initialOrder, validateOrder);
  const post = useAction(async (request: OrderInput) => (await call('order', 'post', request)).order);

  const submit = async () => {
    const request = check();
    if (!request) return;
    // WeChat opens its prompt only from a tap, before any other await.
    await askToSubscribe(['orderTaken', 'orderDone']);
    const order = await post.run(request);
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
      <RequestFields wording="resident" value={form} onChange={set} errors={errors} />
      <p className="rb-text rb-muted">党员领办前只能看到您的小区，看不到您的电话和门牌号。</p>
      <Alert message={formError ?? post.error?.message} />
      <ActionButton block big busy={post.busy} busyText="正在提交…" onClick={() => void submit()}>
        提交需求
      </ActionButton>
    </form>
  );
}
