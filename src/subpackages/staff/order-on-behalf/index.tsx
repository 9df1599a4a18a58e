import { useState } from 'react';
import Taro from '@tarojs/taro';
import { ORDER_KINDS, ORDER_LIMITS } from '../../../../types';
import { call } from '../../../api/client';
import { ActionButton } from '../../../components/ActionButton';
import { Alert } from '../../../components/Alert';
import { Card } from '../../../components/Card';
import { Notice } from '../../../components/Notice';
import { Page } from '../../../components/Page';
import { PickField } from '../../../components/PickField';
import { TextAreaField } from '../../../components/TextAreaField';
import { TextField } from '../../../components/TextField';
import { PhotoPicker } from '../../../features/photos/PhotoPicker';
import { useAction } from '../../../hooks/use-action';
import { ROUTES } from '../../../routes';
import { type OnBehalfForm, type OnBehalfRequest, emptyForm, validateOnBehalf, wantedRange } from './on-behalf-form';

const KIND_OPTIONS = ORDER_KINDS.map((kind) => ({ value: kind, label: kind }));

export default function OrderOnBehalfPage() {
  const [form, setForm] = useState<OnBehalfForm>(emptyForm);
  const [submitted, setSubmitted] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const errors = submitted ? validateOnBehalf(form).errors : {};
  const range = wantedRange();
  const set = <K extends keyof OnBehalfForm>(key: K, value: OnBehalfForm[K]) =>
    setForm((prev) => ({ ...prev, [key]: value }));

  const send = useAction(async (request: OnBehalfRequest) => {
    const { order } = await call('order', 'postOnBehalf', request);
    await Taro.redirectTo({ url: `${ROUTES.orderDetail.path}?id=${encodeURIComponent(order.id)}` });
    return order;
  });

  const submit = async () => {
    setFormError(null);
    send.reset();
    setSubmitted(true);
    const { request } = validateOnBehalf(form);
    if (!request) {
      setFormError('有几项需要修改，请查看红字提示');
      return;
    }
    await send.run(request);
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
          <TextField
            id="compound"
            label="小区"
            required
            value={form.compound}
            onChange={(v) => set('compound', v)}
            hint="党员领办前只能看到小区名称"
            error={errors.compound}
          />
          <TextField
            id="building"
            label="楼栋"
            required
            value={form.building}
            onChange={(v) => set('building', v)}
            placeholder="例如：3栋"
            error={errors.building}
          />
          <TextField
            id="unit"
            label="单元"
            required
            value={form.unit}
            onChange={(v) => set('unit', v)}
            placeholder="例如：2单元"
            error={errors.unit}
          />
          <TextField
            id="room"
            label="房号"
            required
            value={form.room}
            onChange={(v) => set('room', v)}
            placeholder="例如：502"
            error={errors.room}
          />
        </Card>
        <Card title="需要什么帮助">
          <PickField
            id="kind"
            label="需求类别"
            mode="selector"
            required
            value={form.kind}
            options={KIND_OPTIONS}
            placeholder="点此选择需求类别"
            onChange={(v) => set('kind', v as OnBehalfForm['kind'])}
            error={errors.kind}
          />
          <TextAreaField
            id="text"
            label="需求内容"
            required
            value={form.text}
            onChange={(v) => set('text', v)}
            maxChars={ORDER_LIMITS.textMax}
            placeholder="例如：家里厨房水龙头漏水，想请人帮忙换一个"
            error={errors.text}
          />
          <PickField
            id="date"
            label="希望哪天前办好"
            mode="date"
            required
            value={form.date}
            start={range.start}
            end={range.end}
            placeholder="点此选择日期"
            onChange={(v) => set('date', v)}
            error={errors.date}
          />
          <PickField
            id="time"
            label="希望几点前办好"
            mode="time"
            required
            value={form.time}
            placeholder="点此选择时间"
            onChange={(v) => set('time', v)}
            error={errors.time}
          />
          <PhotoPicker
            id="photos"
            label="照片（可不加）"
            max={ORDER_LIMITS.photosMax}
            value={form.photos}
            onChange={(v) => set('photos', v)}
            error={errors.photos}
          />
        </Card>
        <Alert message={formError ?? send.error?.message} />
        <ActionButton block big busy={send.busy} busyText="正在发布…" onClick={() => void submit()}>
          代居民发布需求
        </ActionButton>
      </form>
    </Page>
  );
}
