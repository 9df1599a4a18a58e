import { EmptyState } from '../../components/EmptyState';
import { Page } from '../../components/Page';

export default function PostsPage() {
  return (
    <Page title="岗位" tab>
      <EmptyState text="岗位认领即将开放" />
      <p className="rb-text rb-muted rb-center">社区发布服务岗位后，在职党员可以在这里认领。</p>
    </Page>
  );
}
