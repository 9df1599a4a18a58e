import { EmptyState } from '../../../components/EmptyState';
import { Page } from '../../../components/Page';

export default function OrdersPage() {
  return (
    <Page title="居民需求">
      <EmptyState text="即将开放" />
    </Page>
  );
}
