import { EmptyState } from '../../../components/EmptyState';
import { Page } from '../../../components/Page';

export default function ActivityCodePage() {
  return (
    <Page title="活动签到码">
      <EmptyState text="即将开放" />
    </Page>
  );
}
