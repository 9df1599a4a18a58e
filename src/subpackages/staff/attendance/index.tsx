import { EmptyState } from '../../../components/EmptyState';
import { Page } from '../../../components/Page';

export default function AttendancePage() {
  return (
    <Page title="活动签到情况">
      <EmptyState text="即将开放" />
    </Page>
  );
}
