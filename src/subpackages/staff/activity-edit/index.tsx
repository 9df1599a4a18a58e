import { EmptyState } from '../../../components/EmptyState';
import { Page } from '../../../components/Page';

export default function ActivityEditPage() {
  return (
    <Page title="发布活动">
      <EmptyState text="即将开放" />
    </Page>
  );
}
