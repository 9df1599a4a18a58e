import Taro, { useRouter } from '@tarojs/taro';
import { ORDER_LIMITS, type MarkDoneInput, type OrderDetail } from '../../../../types';
import { call } from '../../../api/client';
import { ActionButton } from '../../../components/ActionButton';
import { Alert } from '../../../components/Alert';
import { Card } from '../../../components/Card';
import { Loaded } from '../../../components/Loaded';
import { Notice } from '../../../components/Notice';
import { Page } from '../../../components/Page';
import { PickField } from '../../../components/PickField';
import { TextAreaField } from '../../../components/TextAreaField';
import { askToSubscribe } from '../../../features/notify/subscribe';
import { idParam, orderUrl } from '../../../features/orders/links';
import { type DoneForm, chinaDay, initialDone, takenWords, validateDone } from '../../../features/orders/order-form';
import { useCheckedForm } from '../../../features/orders/use-checked-form';
import { wantedWords } from '../../../features/orders/wanted';
import { PhotoPicker } from '../../../features/photos/PhotoPicker';
import { useAction } from '../../../hooks/use-action';
import { useRemote } from '../../../hooks/use-remote';

/** 办好了 (`?id=`): the taker says what was done, with photos and the time served; then back to the request. */
export default function OrderDonePage() {
  const { params } = useRouter();
  const orderId = idParam(params);
  const remote = useRemote(async () => (await call('order', 'get', { orderId })).order);
  return (
    <Page title="办结登记">
      <Loaded remote={remote}>
        {(order) =>
          order.can.markDone ? (
            <>
              <Card>
                <h2 className="rb-title">{order.kind}</h2>
                <p className="rb-text">{order.text}</p>
                <p className="rb-text rb-muted">
                  {order.compound}，希望{wantedWords(order.wantedBy)}办好
                </p>
              </Card>
              <DoneFormView order={order} />
            </>
          ) : (
            <Notice>这个需求现在不需要您登记办结。</Notice>
          )
        }
      </Loaded>
    </Page>
  );
}

function DoneFormView({ order }: { order: OrderDetail }) {
  const { form, set, errors, formError, check } = useCheckedForm(initialDone, (typed: DoneForm) =>
    validateDone(order.id, typed, Date.now(), order.takenAt),
  );
  const send = useAction(async (request: MarkDoneInput) => (await call('order', 'markDone', request)).order);

  const submit = async () => {
    const request = check();
    if (!request) return;
    // WeChat opens its prompt only from a tap, before any other await: told when the record is decided.
    await askToSubscribe(['recordDecided']);
    const done = await send.run(request);
    if (!done) return;
    void Taro.showToast({ title: '已登记', icon: 'success' });
    await Taro.navigateBack().catch(() => Taro.redirectTo({ url: orderUrl(order.id) }));
  };

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <p className="rb-text rb-muted">登记后请居民确认并评价，确认后这次服务交社区认定，计入您的活动证。</p>
      {order.takenAt === null ? null : (
        <p className="rb-text rb-muted">您在{takenWords(order.takenAt)}领办，服务时间要在这之后。</p>
      )}
      <TextAreaField
        id="note"
        label="办理情况"
        required
        value={form.note}
        onChange={(v) => set('note', v)}
        maxChars={ORDER_LIMITS.doneNoteMax}
        placeholder="例如：已上门更换水龙头，试过不再漏水"
        error={errors.note}
      />
      <PhotoPicker
        id="photos"
        label="照片（可以不加）"
        max={ORDER_LIMITS.donePhotosMax}
        value={form.photos}
        onChange={(v) => set('photos', v)}
        error={errors.photos}
      />
      <PickField
        id="date"
        label="服务日期"
        mode="date"
        required
        value={form.date}
        start={order.takenAt === null ? undefined : chinaDay(order.takenAt)}
        end={chinaDay()}
        placeholder="点此选择日期"
        onChange={(v) => set('date', v)}
        error={errors.date}
      />
      <PickField
        id="start"
        label="开始时间"
        mode="time"
        required
        value={form.start}
        placeholder="点此选择开始时间"
        onChange={(v) => set('start', v)}
        error={errors.start}
      />
      <PickField
        id="end"
        label="结束时间"
        mode="time"
        required
        value={form.end}
        placeholder="点此选择结束时间"
        onChange={(v) => set('end', v)}
        error={errors.end}
      />
      <Alert message={formError ?? send.error?.message} />
      <ActionButton block big busy={send.busy} busyText="正在提交…" onClick={() => void submit()}>
        提交办理情况
      </ActionButton>
    </form>
  );
}
