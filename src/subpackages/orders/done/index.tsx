import { EmptyState } from '../../../components/EmptyState';
import { Page } from '../../../components/Page';

export default function DonePage() {
  return (
    <Page title="办结登记">
      <EmptyState text="即将开放" />
    </Page>
  );
}
