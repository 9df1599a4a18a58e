import Taro from '@tarojs/taro';
import { call } from '../../../api/client';
import { ActionButton } from '../../../components/ActionButton';
import { Alert } from '../../../components/Alert';
import { Card } from '../../../components/Card';
import { Notice } from '../../../components/Notice';
import { Page } from '../../../components/Page';
import { TextField } from '../../../components/TextField';
import { AddressFields } from '../../../features/orders/AddressFields';
import { RequestFields } from '../../../features/orders/RequestFields';
import { orderUrl } from '../../../features/orders/links';
import { useCheckedForm } from '../../../features/orders/use-checked-form';
import { useAction } from '../../../hooks/use-action';
import { type OnBehalfRequest, emptyForm, validateOnBehalf } from './on-behalf-form';

export default function OrderOnBehalfPage() {
  const { form, set, errors, formError, check } = useCheckedForm(emptyForm, validateOnBehalf);
  const send = useAction(async (request: OnBehalfRequest) => {
    const { order } = await call('order', 'postOnBehalf', request);
    await Taro.redirectTo({ url: orderUrl(order.id) });
    return order;
  });

  const submit = async () => {
    send.reset();
    const request = check();
    if (request) await send.run(request);
  };

  return (
    <Page title="代居民点单">
      <Notice>
        为没有智能手机的居民登记需求。提交后直接发布给本社区的党员，不用再审核；需求上会注明由您代为点单。
      </Notice>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Card title="居民的联系方式">
          <p className="rb-text rb-muted">只有领办的党员和本社区工作人员能看到姓名、电话和门牌号。</p>
          <TextField
            id="name"
            label="居民姓名"
            required
            value={form.name}
            onChange={(v) => set('name', v)}
            error={errors.name}
          />
          <TextField
            id="phone"
            label="联系电话"
            type="tel"
            required
            value={form.phone}
            onChange={(v) => set('phone', v)}
            placeholder="11位手机号"
            error={errors.phone}
          />
          <AddressFields value={form} onChange={set} errors={errors} compoundHint="党员领办前只能看到小区名称" />
        </Card>
        <Card title="需要什么帮助">
          <RequestFields wording="staff" value={form} onChange={set} errors={errors} />
        </Card>
        <Alert message={formError ?? send.error?.message} />
        <ActionButton block big busy={send.busy} busyText="正在发布…" onClick={() => void submit()}>
          代居民发布需求
        </ActionButton>
      </form>
    </Page>
  );
}
