import Taro from '@tarojs/taro';
import type { PostList, PostView } from '../../../types';
import { call } from '../../api/client';
import { Alert } from '../../components/Alert';
import { Card } from '../../components/Card';
import { EmptyState } from '../../components/EmptyState';
import { LinkRow } from '../../components/LinkRow';
import { Loaded } from '../../components/Loaded';
import { Notice } from '../../components/Notice';
import { Page } from '../../components/Page';
import { useMe } from '../../hooks/me';
import { useAction } from '../../hooks/use-action';
import { useRemote } from '../../hooks/use-remote';
import { ROUTES } from '../../routes';
import { PostItem } from './PostItem';
import './index.scss';

type PostAction = 'claim' | 'leave' | 'close';

const DONE: Record<PostAction, string> = { claim: '认领成功', leave: '已退出岗位', close: '岗位已结束' };

/** Staff are asked before a post is ended: members can no longer claim it. */
async function confirmClose(post: PostView): Promise<boolean> {
  const answer = await Taro.showModal({
    title: '结束这个岗位？',
    content: `结束后党员不能再认领「${post.kind}」，已认领的记录会保留。`,
    confirmText: '结束',
    cancelText: '再想想',
    confirmColor: '#c8161d',
  });
  return answer.confirm;
}

/** The 岗位 tab: the posts of the caller's community, to claim (members checked in here) or manage (its staff). */
export default function PostsPage() {
  const list = useRemote(() => call('post', 'list', {}));
  const act = useAction(async (action: PostAction, post: PostView) => {
    const { post: changed } = await call('post', action, { postId: post.id });
    return { action, post: changed };
  });

  const run = async (action: PostAction, post: PostView) => {
    if (action === 'close' && !(await confirmClose(post))) return;
    const result = await act.run(action, post);
    if (!result || !list.data) return;
    const posts = list.data.posts
      .map((p) => (p.id === result.post.id ? result.post : p))
      .filter((p) => p.status === 'open');
    list.setData({ ...list.data, posts });
    void Taro.showToast({ title: DONE[action], icon: 'success' });
  };

  return (
    <Page title="岗位" tab>
      <Loaded remote={list}>
        {(data) =>
          data.community ? (
            <PostBoard
              data={data}
              busy={act.busy}
              error={act.error?.message}
              onClaim={(post) => void run('claim', post)}
              onLeave={(post) => void run('leave', post)}
              onClose={(post) => void run('close', post)}
            />
          ) : (
            <NoCommunity />
          )
        }
      </Loaded>
    </Page>
  );
}

interface BoardProps {
  data: PostList;
  busy: boolean;
  error: string | undefined;
  onClaim: (post: PostView) => void;
  onLeave: (post: PostView) => void;
  onClose: (post: PostView) => void;
}

function PostBoard({ data, busy, error, onClaim, onLeave, onClose }: BoardProps) {
  const { community, posts, canClaim, canManage } = data;
  const edit = (post: PostView) => void Taro.navigateTo({ url: `${ROUTES.postEdit.path}?id=${post.id}` });
  return (
    <>
      <p className="rb-text">
        {community?.name}（{community?.street}）的服务岗位
      </p>
      {canClaim ? (
        <p className="rb-text rb-muted">认领后，请按岗位要求为社区服务；不能继续时可以退出，把名额留给别人。</p>
      ) : null}
      {!canClaim && !canManage ? <Notice>只有在本社区报到的在职党员可以认领岗位。</Notice> : null}
      {canManage ? <LinkRow to="postEdit" label="发布岗位" /> : null}
      <Alert message={error} />
      {posts.length === 0 ? (
        <EmptyState text={canManage ? '还没有岗位，请点「发布岗位」' : '社区还没有发布岗位'} />
      ) : (
        <ul className="rb-list">
          {posts.map((post) => (
            <PostItem
              key={post.id}
              post={post}
              canClaim={canClaim}
              canManage={canManage}
              busy={busy}
              onClaim={onClaim}
              onLeave={onLeave}
              onEdit={edit}
              onClose={onClose}
            />
          ))}
        </ul>
      )}
    </>
  );
}

/** Nobody's community to show: say why, and the way to 报到. */
function NoCommunity() {
  const me = useMe();
  const registered = Boolean(me.data?.member);
  return (
    <Card title="您还没有报到的社区">
      <p className="rb-text">岗位由社区发布。在职党员到居住地社区报到后，就能在这里看到并认领社区的岗位。</p>
      {registered ? (
        <>
          <p className="rb-text rb-muted">请在首页点「扫码报到」，扫描居住地社区的报到码。</p>
          <LinkRow to="home" label="去首页扫码报到" />
        </>
      ) : (
        <LinkRow to="register" label="注册为在职党员" />
      )}
    </Card>
  );
}
