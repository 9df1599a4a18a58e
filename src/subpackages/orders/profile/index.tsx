import { EmptyState } from '../../../components/EmptyState';
import { Page } from '../../../components/Page';

export default function ProfilePage() {
  return (
    <Page title="我的居民资料">
      <EmptyState text="即将开放" />
    </Page>
  );
}
