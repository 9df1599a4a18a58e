import { EmptyState } from '../../../components/EmptyState';
import { Page } from '../../../components/Page';

export default function EscalatedPage() {
  return (
    <Page title="待督办需求">
      <EmptyState text="即将开放" />
    </Page>
  );
}
