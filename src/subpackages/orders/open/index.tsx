import { call } from '../../../api/client';
import { Page } from '../../../components/Page';
import { PagedOrders } from '../../../features/orders/PagedOrders';

/** The published requests of the community the member is checked in at, soonest wanted first. */
export default function OpenOrdersPage() {
  return (
    <Page title="可领办的需求">
      <p className="rb-text rb-muted">这里是您报到社区的居民需求。领办后才能看到居民的电话和住址。</p>
      <PagedOrders load={(page) => call('order', 'listOpen', page)} empty="现在没有等待领办的需求" />
    </Page>
  );
}
