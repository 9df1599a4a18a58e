import { EmptyState } from '../../../components/EmptyState';
import { Page } from '../../../components/Page';

export default function TakenPage() {
  return (
    <Page title="我领办的需求">
      <EmptyState text="即将开放" />
    </Page>
  );
}
