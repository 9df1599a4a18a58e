import { ORDER_LIMITS, type EscalatedOrder } from '../../../../types';
import { call } from '../../../api/client';
import { EmptyState } from '../../../components/EmptyState';
import { Loaded } from '../../../components/Loaded';
import { Page } from '../../../components/Page';
import { MoreButton } from '../../../features/card/MoreButton';
import { useMore } from '../../../features/card/use-more';
import { waitingText } from '../../../features/stamp/hours';
import { useRemote } from '../../../hooks/use-remote';
import { OrderRow } from '../shared/OrderRow';

/** Why it is listed, and for how long, in words. */
function why(item: EscalatedOrder): string {
  const long = waitingText(Math.max(0, item.hours));
  return item.kind === 'untaken'
    ? `发布超过${ORDER_LIMITS.untakenHours}小时无人领办：已发布${long}`
    : `已超过希望完成时间${long}，还没有办好`;
}

export default function EscalatedPage() {
  const remote = useRemote(() => call('order', 'escalated', {}));
  const list = useMore(remote.data, (cursor) => call('order', 'escalated', { cursor }));
  return (
    <Page title="待督办需求">
      <p className="rb-text rb-muted">
        发布后{ORDER_LIMITS.untakenHours}
        小时还没人领办的，和领办后超过希望完成时间还没办好的需求，等得最久的排在前面。请联系党员或居民，推动办理。
      </p>
      <Loaded remote={remote}>
        {() =>
          list.items.length === 0 ? (
            <EmptyState text="没有需要督办的需求" />
          ) : (
            <ul className="rb-list" aria-label="待督办需求">
              {list.items.map((item) => (
                <OrderRow key={item.order.id} order={item.order} extra={<p className="rb-text">{why(item)}</p>} />
              ))}
            </ul>
          )
        }
      </Loaded>
      <MoreButton list={list} />
    </Page>
  );
}
