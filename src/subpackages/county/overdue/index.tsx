import { EmptyState } from '../../../components/EmptyState';
import { Page } from '../../../components/Page';

export default function OverduePage() {
  return (
    <Page title="超时未认定">
      <EmptyState text="即将开放" />
    </Page>
  );
}
