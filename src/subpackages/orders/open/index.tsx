import { EmptyState } from '../../../components/EmptyState';
import { Page } from '../../../components/Page';

export default function OpenPage() {
  return (
    <Page title="可领办的需求">
      <EmptyState text="即将开放" />
    </Page>
  );
}
