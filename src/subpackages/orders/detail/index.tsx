import { EmptyState } from '../../../components/EmptyState';
import { Page } from '../../../components/Page';

export default function DetailPage() {
  return (
    <Page title="需求详情">
      <EmptyState text="即将开放" />
    </Page>
  );
}
