import { EmptyState } from '../../../components/EmptyState';
import { Page } from '../../../components/Page';

export default function BoardPage() {
  return (
    <Page title="社区公示">
      <EmptyState text="即将开放" />
    </Page>
  );
}
