import { EmptyState } from '../../../components/EmptyState';
import { Page } from '../../../components/Page';

export default function StaffHomePage() {
  return (
    <Page title="社区工作台">
      <EmptyState text="即将开放" />
    </Page>
  );
}
