import type { OrderView } from '../../../types';
import { OrderLink } from './OrderLink';
import { OrderStatusTag } from './OrderStatusTag';
import { wantedWords } from './wanted';
import './orders.scss';

interface Props {
  order: OrderView;
  /** Show the community's name (a member's lists span one community, the resident's may span more). */
  showCommunity?: boolean;
}

/** One request in a list: kind, state, what is needed, the 小区 and the wanted time; a tap opens it. Never an address. */
export function OrderCard({ order, showCommunity }: Props) {
  return (
    <li className="rb-list__item rb-order-card">
      <OrderLink orderId={order.id} className="rb-order-card__link">
        <div className="rb-list__head">
          <span className="rb-list__name">{order.kind}</span>
          <OrderStatusTag order={order} />
        </div>
        <p className="rb-text rb-order-card__text">{order.text}</p>
        <p className="rb-text rb-muted">
          {showCommunity ? `${order.community.name}，` : ''}
          {order.compound}，希望{wantedWords(order.wantedBy)}办好
        </p>
        {order.taker && (order.mine || !order.taking) ? (
          <p className="rb-text rb-muted">领办党员：{order.taker.name}</p>
        ) : null}
        {order.onBehalfOf ? <p className="rb-text rb-muted">由{order.onBehalfOf.staffName}代居民提交</p> : null}
      </OrderLink>
    </li>
  );
}
