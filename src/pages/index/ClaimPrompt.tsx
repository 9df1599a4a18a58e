import type { MemberProfile } from '../../../types';
import { call } from '../../api/client';
import { Card } from '../../components/Card';
import { LinkRow } from '../../components/LinkRow';
import { useRemote } from '../../hooks/use-remote';

/** 首页: a confirmed member checked in somewhere who holds no post is asked to claim one. */
export function ClaimPrompt({ member }: { member: MemberProfile | null }) {
  if (member?.status !== 'verified' || !member.community) return null;
  return <ClaimPromptCard />;
}

function ClaimPromptCard() {
  // Loaded again whenever 首页 is shown, so the card is gone once a post is claimed on the 岗位 tab.
  const list = useRemote(() => call('post', 'list', {}));
  if (!list.data || list.data.posts.some((post) => post.mine)) return null;
  return (
    <Card title="您还没有认领岗位" tone="waiting">
      <p className="rb-text">
        {list.data.posts.length > 0
          ? `${list.data.community?.name ?? '社区'}有${list.data.posts.length}个岗位可以认领，选一个适合您的吧。`
          : '社区发布岗位后，您可以在「岗位」页认领。'}
      </p>
      <LinkRow to="posts" label="去认领岗位" />
    </Card>
  );
}
