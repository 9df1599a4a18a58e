import { EmptyState } from '../../../components/EmptyState';
import { Page } from '../../../components/Page';

export default function LedgerPage() {
  return (
    <Page title="记录核验">
      <EmptyState text="即将开放" />
    </Page>
  );
}
