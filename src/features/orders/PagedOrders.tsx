import type { OrderView, Paged, PageRequest } from '../../../types';
import { EmptyState } from '../../components/EmptyState';
import { Loaded } from '../../components/Loaded';
import { useRemote } from '../../hooks/use-remote';
import { MoreButton } from '../card/MoreButton';
import { useMore } from '../card/use-more';
import { OrderCard } from './OrderCard';

interface Props {
  load: (page: PageRequest) => Promise<Paged<OrderView>>;
  /** Said when the list is empty. */
  empty: string;
  showCommunity?: boolean;
}

/** A paged list of requests as OrderCards, with 加载更多. */
export function PagedOrders({ load, empty, showCommunity }: Props) {
  const remote = useRemote(() => load({}));
  const list = useMore(remote.data, (cursor) => load({ cursor }));
  return (
    <>
      <Loaded remote={remote}>
        {() =>
          list.items.length === 0 ? (
            <EmptyState text={empty} />
          ) : (
            <ul className="rb-list">
              {list.items.map((order) => (
                <OrderCard key={order.id} order={order} showCommunity={showCommunity} />
              ))}
            </ul>
          )
        }
      </Loaded>
      <MoreButton list={list} />
    </>
  );
}
