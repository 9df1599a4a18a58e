import { EmptyState } from '../../../components/EmptyState';
import { Page } from '../../../components/Page';

export default function SignInPage() {
  return (
    <Page title="活动签到">
      <EmptyState text="即将开放" />
    </Page>
  );
}
