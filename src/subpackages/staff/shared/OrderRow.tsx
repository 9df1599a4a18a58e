import type { ReactNode } from 'react';
import Taro from '@tarojs/taro';
import type { OrderStatus, OrderView } from '../../../../types';
import { ActionButton } from '../../../components/ActionButton';
import { DateText } from '../../../components/DateText';
import { Tag, type TagTone } from '../../../components/Tag';
import { ROUTES } from '../../../routes';

/** A request's state in staff's words, with the colour that repeats it. */
export const ORDER_STATUS: Record<OrderStatus, { text: string; tone: TagTone }> = {
  submitted: { text: '待审核', tone: 'amber' },
  published: { text: '已发布', tone: 'blue' },
  taken: { text: '办理中', tone: 'blue' },
  done: { text: '待居民确认', tone: 'amber' },
  rated: { text: '已办结', tone: 'green' },
  rejected: { text: '已退回', tone: 'grey' },
  merged: { text: '已合并', tone: 'grey' },
  cancelled: { text: '居民已撤回', tone: 'grey' },
};

export function openOrder(orderId: string) {
  void Taro.navigateTo({ url: `${ROUTES.orderDetail.path}?id=${encodeURIComponent(orderId)}` });
}

interface Props {
  order: OrderView;
  /** A line under the facts (e.g. why it is on the escalation list). */
  extra?: ReactNode;
}

/** One request in a staff list: what, where (小区 only), by when, who is on it; a button opens its detail. */
export function OrderRow({ order, extra }: Props) {
  const status = ORDER_STATUS[order.status];
  return (
    <li className="rb-list__item">
      <div className="rb-list__head">
        <h2 className="rb-list__name">{order.kind}</h2>
        <Tag text={status.text} tone={status.tone} />
        {order.onBehalfOf ? <Tag text="代居民点单" tone="purple" /> : null}
        {order.escalation === 'untaken' ? <Tag text="久未领办" tone="red" /> : null}
        {order.escalation === 'overdue' ? <Tag text="已超时" tone="red" /> : null}
      </div>
      <p className="rb-text">{order.text}</p>
      <p className="rb-text rb-muted">
        小区：{order.compound}；希望
        <DateText at={order.wantedBy} time />
        前办好
      </p>
      <p className="rb-text rb-muted">
        提交于
        <DateText at={order.createdAt} time />
        {order.onBehalfOf ? `，由${order.onBehalfOf.staffName}代为点单` : ''}
      </p>
      {order.taker ? (
        <p className="rb-text rb-muted">
          领办：{order.taker.name}（{order.taker.phoneMasked}）
        </p>
      ) : null}
      {order.rating ? (
        <p className="rb-text rb-muted">
          评价：{order.rating.stars === null ? '未打分' : `${order.rating.stars}星`}
          {order.rating.by === 'staff' ? '（工作人员代为确认）' : ''}
        </p>
      ) : null}
      {order.rejectReason ? <p className="rb-text rb-muted">退回理由：{order.rejectReason}</p> : null}
      {extra}
      <ActionButton variant="secondary" onClick={() => openOrder(order.id)}>
        查看“{order.kind}”详情
      </ActionButton>
    </li>
  );
}
