import { EmptyState } from '../../../components/EmptyState';
import { Page } from '../../../components/Page';

export default function ActivitiesPage() {
  return (
    <Page title="社区活动">
      <EmptyState text="即将开放" />
    </Page>
  );
}
