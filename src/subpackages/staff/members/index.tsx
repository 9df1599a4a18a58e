import { EmptyState } from '../../../components/EmptyState';
import { Page } from '../../../components/Page';

export default function CommunityMembersPage() {
  return (
    <Page title="已报到党员">
      <EmptyState text="即将开放" />
    </Page>
  );
}
