import { EmptyState } from '../../../components/EmptyState';
import { Page } from '../../../components/Page';

export default function ReportPage() {
  return (
    <Page title="记录服务">
      <EmptyState text="即将开放" />
    </Page>
  );
}
