import { EmptyState } from '../../../components/EmptyState';
import { Page } from '../../../components/Page';

export default function ServiceCardPage() {
  return (
    <Page title="我的活动证">
      <EmptyState text="即将开放" />
    </Page>
  );
}
