import { call } from '../../../api/client';
import { LinkRow } from '../../../components/LinkRow';
import { Page } from '../../../components/Page';
import { PagedOrders } from '../../../features/orders/PagedOrders';

/** The requests the member took, newest first. */
export default function TakenOrdersPage() {
  return (
    <Page title="我领办的需求">
      <PagedOrders load={(page) => call('order', 'listTaken', page)} empty="您还没有领办过需求" showCommunity />
      <LinkRow to="openOrders" label="看看可领办的需求" />
    </Page>
  );
}
