import { EmptyState } from '../../../components/EmptyState';
import { Page } from '../../../components/Page';

export default function PostEditPage() {
  return (
    <Page title="发布岗位">
      <EmptyState text="即将开放" />
    </Page>
  );
}
