import { EmptyState } from '../../../components/EmptyState';
import { Page } from '../../../components/Page';

export default function OrderOnBehalfPage() {
  return (
    <Page title="代居民点单">
      <EmptyState text="即将开放" />
    </Page>
  );
}
