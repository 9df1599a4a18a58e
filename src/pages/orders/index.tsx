import Taro from '@tarojs/taro';
import type { Me } from '../../../types';
import { call } from '../../api/client';
import { ActionButton } from '../../components/ActionButton';
import { Alert } from '../../components/Alert';
import { Card } from '../../components/Card';
import { EmptyState } from '../../components/EmptyState';
import { LinkRow } from '../../components/LinkRow';
import { Loaded } from '../../components/Loaded';
import { Page } from '../../components/Page';
import { MoreButton } from '../../features/card/MoreButton';
import { useMore } from '../../features/card/use-more';
import { OrderCard } from '../../features/orders/OrderCard';
import { useMe } from '../../hooks/me';
import { useAction } from '../../hooks/use-action';
import { useRemote } from '../../hooks/use-remote';
import { ROUTES } from '../../routes';

/** How many open requests the tab shows before 「查看全部」. */
const OPEN_PREVIEW = 3;

/** A confirmed member checked in at a community: they may take its requests. */
function checkedIn(me: Me | undefined): boolean {
  return Boolean(me?.roles.includes('member') && me.member?.community && me.member.checkedInAt !== null);
}

function isStaff(me: Me | undefined): boolean {
  return Boolean(me?.grants.some((grant) => grant.role === 'staff'));
}

/** 点单: ask for help (the profile first, once), follow one's own requests; members see what they may take. */
export default function OrdersPage() {
  const me = useMe();
  return (
    <Page title="点单" tab>
      <p className="rb-text rb-muted">有生活上的小事需要帮忙，可以在这里告诉社区，由住在附近的在职党员来办。</p>
      <AskCard />
      <MineCard />
      {checkedIn(me.data) ? <OpenPreview /> : null}
      <Card title="更多">
        <LinkRow to="board" label="社区公示" />
        {checkedIn(me.data) ? <LinkRow to="takenOrders" label="我领办的需求" /> : null}
        {isStaff(me.data) ? <LinkRow to="staffOrders" label="居民需求（社区审核）" /> : null}
      </Card>
    </Page>
  );
}

/** 我要点单: to the form, or to the profile first when the person has none. */
function AskCard() {
  const go = useAction(async () => {
    const { profile } = await call('order', 'getProfile', {});
    const url = profile ? ROUTES.orderPost.path : `${ROUTES.residentProfile.path}?next=post`;
    await Taro.navigateTo({ url });
    return profile !== null;
  });
  return (
    <Card title="需要帮忙">
      <p className="rb-text">第一次点单时，请先留下您的姓名、电话和住址，以后不用再填。</p>
      <Alert message={go.error?.message} />
      <ActionButton block big busy={go.busy} busyText="正在打开…" onClick={() => void go.run()}>
        我要点单
      </ActionButton>
      <LinkRow to="residentProfile" label="我的居民资料" />
    </Card>
  );
}

/** The person's own requests, newest first. */
function MineCard() {
  const remote = useRemote(() => call('order', 'listMine', {}));
  const list = useMore(remote.data, (cursor) => call('order', 'listMine', { cursor }));
  return (
    <Card title="我的需求">
      <Loaded remote={remote}>
        {() =>
          list.items.length === 0 ? (
            <EmptyState text="您还没有点过单" />
          ) : (
            <ul className="rb-list">
              {list.items.map((order) => (
                <OrderCard key={order.id} order={order} />
              ))}
            </ul>
          )
        }
      </Loaded>
      <MoreButton list={list} />
    </Card>
  );
}

/** The first few requests the member may take. */
function OpenPreview() {
  const remote = useRemote(() => call('order', 'listOpen', { limit: OPEN_PREVIEW }));
  return (
    <Card title="可领办的需求">
      <Loaded remote={remote}>
        {(page) =>
          page.items.length === 0 ? (
            <p className="rb-text rb-muted">您报到的社区现在没有等待领办的需求。</p>
          ) : (
            <ul className="rb-list">
              {page.items.map((order) => (
                <OrderCard key={order.id} order={order} />
              ))}
            </ul>
          )
        }
      </Loaded>
      <LinkRow to="openOrders" label="查看全部可领办的需求" />
    </Card>
  );
}
