import { EmptyState } from '../../../components/EmptyState';
import { Page } from '../../../components/Page';

export default function StampQueuePage() {
  return (
    <Page title="服务认定">
      <EmptyState text="即将开放" />
    </Page>
  );
}
