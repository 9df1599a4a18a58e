import { EmptyState } from '../../../components/EmptyState';
import { Page } from '../../../components/Page';

export default function PostPage() {
  return (
    <Page title="我要点单">
      <EmptyState text="即将开放" />
    </Page>
  );
}
