import { EmptyState } from '../../components/EmptyState';
import { Page } from '../../components/Page';

export default function OrdersPage() {
  return (
    <Page title="点单" tab>
      <EmptyState text="按需点单即将开放" />
      <p className="rb-text rb-muted rb-center">居民可以在这里发布生活小需求，由在职党员领办。</p>
    </Page>
  );
}
