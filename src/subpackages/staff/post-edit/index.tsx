import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { POST_KINDS, SERVICE_LIMITS, type PostKind, type PostView } from '../../../../types';
import { call } from '../../../api/client';
import { ApiError } from '../../../api/errors';
import { ActionButton } from '../../../components/ActionButton';
import { Alert } from '../../../components/Alert';
import { Loaded } from '../../../components/Loaded';
import { Notice } from '../../../components/Notice';
import { Page } from '../../../components/Page';
import { PickField } from '../../../components/PickField';
import { TextAreaField } from '../../../components/TextAreaField';
import { TextField } from '../../../components/TextField';
import { useAction } from '../../../hooks/use-action';
import { useNavigationTitle } from '../../../hooks/use-navigation-title';
import { useRemote } from '../../../hooks/use-remote';
import { type PostForm, dayOf, initialForm, validatePostForm } from './post-form';

const KIND_OPTIONS = POST_KINDS.map((kind) => ({ value: kind, label: kind }));

/** Staff publish a post of their community, or edit one (`?id=`). */
export default function PostEditPage() {
  const { params } = useRouter();
  const postId = params.id ? decodeURIComponent(params.id) : null;
  const title = postId ? '编辑岗位' : '发布岗位';
  useNavigationTitle(title);
  // The community's posts as its staff see them: anyone else is told the page is not for them.
  const existing = useRemote(async (): Promise<PostView | null> => {
    const { posts, canManage } = await call('post', 'list', { includeClosed: true });
    if (!canManage) throw new ApiError('FORBIDDEN');
    return postId ? (posts.find((post) => post.id === postId) ?? null) : null;
  });
  return (
    <Page title={title}>
      <Loaded remote={existing}>
        {(post) =>
          postId && (!post || post.status !== 'open') ? (
            <Notice>{post ? '这个岗位已经结束，不能再修改。' : '找不到这个岗位，可能已被删除。'}</Notice>
          ) : (
            <PostEditForm post={post} />
          )
        }
      </Loaded>
    </Page>
  );
}

function PostEditForm({ post }: { post: PostView | null }) {
  const [form, setForm] = useState<PostForm>(() => initialForm(post));
  const [submitted, setSubmitted] = useState(false);
  const save = useAction(async () => {
    const { request } = validatePostForm(form, post?.id ?? null);
    if (!request) return null;
    return (await call('post', 'save', request)).post;
  });
  const errors = submitted ? validatePostForm(form, post?.id ?? null).errors : {};
  const set = <K extends keyof PostForm>(key: K, value: PostForm[K]) => setForm((prev) => ({ ...prev, [key]: value }));

  const submit = async () => {
    setSubmitted(true);
    if (!validatePostForm(form, post?.id ?? null).request) return;
    const saved = await save.run();
    if (!saved) return;
    void Taro.showToast({ title: post ? '已保存' : '已发布', icon: 'success' });
    void Taro.navigateBack();
  };

  const hasErrors = Object.keys(errors).length > 0;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <p className="rb-text rb-muted">标有「必填」的项目需要填写。发布后，在本社区报到的在职党员就能认领。</p>
      <PickField
        id="kind"
        label="岗位类别"
        mode="selector"
        required
        value={form.kind}
        options={KIND_OPTIONS}
        placeholder="点此选择岗位类别"
        onChange={(v) => set('kind', v as PostKind)}
        error={errors.kind}
      />
      <TextAreaField
        id="duty"
        label="做什么"
        required
        value={form.duty}
        onChange={(v) => set('duty', v)}
        maxChars={SERVICE_LIMITS.dutyMax}
        placeholder="例如：每周六上午清理楼道杂物"
        error={errors.duty}
      />
      <TextField
        id="for-whom"
        label="为谁服务"
        required
        value={form.forWhom}
        onChange={(v) => set('forWhom', v)}
        placeholder="例如：小区独居老人"
        error={errors.forWhom}
      />
      <TextField
        id="capacity"
        label="名额（人）"
        required
        value={form.capacity}
        onChange={(v) => set('capacity', v)}
        hint={
          post && post.claimCount > 0
            ? `已有${post.claimCount}人认领，名额不能少于${post.claimCount}人`
            : `1到${SERVICE_LIMITS.capacityMax}人`
        }
        error={errors.capacity}
      />
      <PickField
        id="until"
        label="截止日期"
        mode="date"
        required
        value={form.until}
        placeholder="点此选择日期"
        start={dayOf(Date.now())}
        onChange={(v) => set('until', v)}
        hint="岗位开放到这一天结束"
        error={errors.until}
      />
      <Alert message={hasErrors ? '有几项需要修改，请查看红字提示' : save.error?.message} />
      <ActionButton block big busy={save.busy} busyText="正在保存…" onClick={() => void submit()}>
        {post ? '保存修改' : '发布岗位'}
      </ActionButton>
    </form>
  );
}
