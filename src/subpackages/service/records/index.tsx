import { EmptyState } from '../../../components/EmptyState';
import { Page } from '../../../components/Page';

export default function MyRecordsPage() {
  return (
    <Page title="我的服务记录">
      <EmptyState text="即将开放" />
    </Page>
  );
}
