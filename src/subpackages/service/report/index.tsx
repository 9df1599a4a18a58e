import { useState } from 'react';
import { SERVICE_LIMITS, type PostView, type RecordView, type ReportRequest } from '../../../../types';
import { call } from '../../../api/client';
import { ActionButton } from '../../../components/ActionButton';
import { Alert } from '../../../components/Alert';
import { Card } from '../../../components/Card';
import { EmptyState } from '../../../components/EmptyState';
import { LinkRow } from '../../../components/LinkRow';
import { Loaded } from '../../../components/Loaded';
import { Notice } from '../../../components/Notice';
import { Page } from '../../../components/Page';
import { PickField } from '../../../components/PickField';
import { TextAreaField } from '../../../components/TextAreaField';
import { PhotoPicker } from '../../../features/photos/PhotoPicker';
import { formatDate, formatTime } from '../../../../domain/time';
import { type Action, useAction } from '../../../hooks/use-action';
import { useRemote } from '../../../hooks/use-remote';
import { type ReportErrors, type ReportForm, chinaToday, initialReport, validateReport } from './report-form';

export default function ReportPage() {
  const posts = useRemote(() => call('post', 'list', {}));
  const report = useAction(async (request: ReportRequest) => {
    const { record } = await call('record', 'report', request);
    return record;
  });

  if (report.data) {
    return (
      <Page title="记录服务">
        <ReportDone record={report.data} />
      </Page>
    );
  }

  return (
    <Page title="记录服务">
      <Loaded remote={posts}>
        {(data) => {
          const mine = data.posts.filter((post) => post.mine && post.status === 'open');
          if (mine.length === 0) {
            return (
              <>
                <EmptyState text="您还没有认领岗位，认领后才能记录岗位上的服务" />
                <LinkRow to="posts" label="去认领岗位" />
              </>
            );
          }
          return <ReportFormView posts={mine} send={report} />;
        }}
      </Loaded>
    </Page>
  );
}

function ReportDone({ record }: { record: RecordView }) {
  return (
    <>
      <Notice tone="ok" role="status">
        已提交，等待社区认定
      </Notice>
      <Card>
        <p className="rb-text">
          {formatDate(record.startAt)} {formatTime(record.startAt)}–{formatTime(record.endAt)}
        </p>
        <p className="rb-text">{record.description}</p>
        <p className="rb-text rb-muted">社区工作人员认定后，时长才会计入您的活动证。</p>
      </Card>
      <LinkRow to="myRecords" label="我的服务记录" />
    </>
  );
}

interface FormProps {
  posts: PostView[];
  send: Action<[ReportRequest], RecordView>;
}

function ReportFormView({ posts, send }: FormProps) {
  const [form, setForm] = useState<ReportForm>(() => initialReport(posts.length === 1 ? posts[0].id : ''));
  const [submitted, setSubmitted] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const errors: ReportErrors = submitted ? validateReport(form).errors : {};
  const set = <K extends keyof ReportForm>(key: K, value: ReportForm[K]) =>
    setForm((prev) => ({ ...prev, [key]: value }));

  const submit = async () => {
    setFormError(null);
    send.reset();
    setSubmitted(true);
    const { request } = validateReport(form);
    if (!request) {
      setFormError('有几项需要修改，请查看红字提示');
      return;
    }
    await send.run(request);
  };

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <p className="rb-text rb-muted">记录您在认领岗位上自己开展的服务，社区工作人员认定后计入时长。</p>
      <PickField
        id="post"
        label="服务的岗位"
        mode="selector"
        required
        value={form.postId}
        options={posts.map((post) => ({ value: post.id, label: `${post.kind}：${post.duty}` }))}
        placeholder="点此选择岗位"
        onChange={(v) => set('postId', v)}
        error={errors.postId}
      />
      <PickField
        required
        id="date"
        label="服务日期"
        mode="date"
        value={form.date}
        end={chinaToday()}
        placeholder="点此选择日期"
        onChange={(v) => set('date', v)}
        error={errors.date}
      />
      <PickField
        required
        id="start"
        label="开始时间"
        mode="time"
        value={form.start}
        placeholder="点此选择开始时间"
        onChange={(v) => set('start', v)}
        error={errors.start}
      />
      <PickField
        required
        id="end"
        label="结束时间"
        mode="time"
        value={form.end}
        placeholder="点此选择结束时间"
        onChange={(v) => set('end', v)}
        error={errors.end}
      />
      <TextAreaField
        id="description"
        label="做了什么"
        required
        value={form.description}
        onChange={(v) => set('description', v)}
        maxChars={SERVICE_LIMITS.descriptionMax}
        placeholder="例如：陪独居老人去医院复查，帮忙取药"
        error={errors.description}
      />
      <PhotoPicker
        id="photos"
        label="服务照片"
        required
        value={form.photos}
        onChange={(v) => set('photos', v)}
        error={errors.photos}
      />
      <Alert message={formError ?? send.error?.message} />
      <ActionButton block big busy={send.busy} busyText="正在提交…" onClick={() => void submit()}>
        提交记录
      </ActionButton>
    </form>
  );
}
