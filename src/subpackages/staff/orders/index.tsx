import { useState } from 'react';
import type { OrderListFilter } from '../../../../types';
import { call } from '../../../api/client';
import { buttonClass } from '../../../components/ActionButton';
import { EmptyState } from '../../../components/EmptyState';
import { LinkRow } from '../../../components/LinkRow';
import { Loaded } from '../../../components/Loaded';
import { Page } from '../../../components/Page';
import { MoreButton } from '../../../features/card/MoreButton';
import { useMore } from '../../../features/card/use-more';
import { useRemote } from '../../../hooks/use-remote';
import { OrderRow } from '../shared/OrderRow';
import './index.scss';

const FILTERS: Array<{ filter: OrderListFilter; label: string; hint: string; empty: string }> = [
  {
    filter: 'submitted',
    label: '待审核',
    hint: '居民刚提交的需求，请核实后发布、合并或退回。',
    empty: '没有等待审核的需求',
  },
  { filter: 'published', label: '已发布', hint: '已发布给本社区的党员，等待有人领办。', empty: '没有等待领办的需求' },
  { filter: 'taken', label: '办理中', hint: '党员已领办，正在办理。', empty: '没有办理中的需求' },
  {
    filter: 'done',
    label: '待确认',
    hint: '党员说已办好，等待居民确认。居民没有智能手机的，您可以代为确认。',
    empty: '没有等待确认的需求',
  },
  { filter: 'finished', label: '已办结', hint: '居民已确认办好。', empty: '还没有办结的需求' },
  { filter: 'closed', label: '已关闭', hint: '已退回、合并或居民撤回的需求。', empty: '没有关闭的需求' },
];

export default function StaffOrdersPage() {
  const [filter, setFilter] = useState<OrderListFilter>('submitted');
  const current = FILTERS.find((item) => item.filter === filter) ?? FILTERS[0];
  return (
    <Page title="居民需求">
      <div className="rb-staff-orders__filters" role="group" aria-label="按状态查看">
        {FILTERS.map((item) => (
          <button
            key={item.filter}
            type="button"
            className={buttonClass({ variant: item.filter === filter ? 'primary' : 'secondary' })}
            aria-pressed={item.filter === filter}
            onClick={() => setFilter(item.filter)}
          >
            {item.label}
          </button>
        ))}
      </div>
      <p className="rb-text rb-muted">{current.hint}</p>
      {/* A new list (and load) for each filter. */}
      <OrderList key={filter} filter={filter} empty={current.empty} />
      <LinkRow to="orderOnBehalf" label="代居民点单" />
    </Page>
  );
}

function OrderList({ filter, empty }: { filter: OrderListFilter; empty: string }) {
  const remote = useRemote(() => call('order', 'listForStaff', { filter }));
  const list = useMore(remote.data, (cursor) => call('order', 'listForStaff', { filter, cursor }));
  return (
    <>
      <Loaded remote={remote}>
        {() =>
          list.items.length === 0 ? (
            <EmptyState text={empty} />
          ) : (
            <ul className="rb-list" aria-label="居民需求">
              {list.items.map((order) => (
                <OrderRow key={order.id} order={order} />
              ))}
            </ul>
          )
        }
      </Loaded>
      <MoreButton list={list} />
    </>
  );
}
