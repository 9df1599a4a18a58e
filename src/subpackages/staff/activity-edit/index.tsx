import { useState } from 'react';
import Taro from '@tarojs/taro';
import type { ActivityInput } from '../../../../types';
import { call } from '../../../api/client';
import { ActionButton } from '../../../components/ActionButton';
import { Alert } from '../../../components/Alert';
import { Card } from '../../../components/Card';
import { Notice } from '../../../components/Notice';
import { Page } from '../../../components/Page';
import { TextField } from '../../../components/TextField';
import { chinaTime } from '../../../../domain/time';
import { ActivityFacts } from '../../../features/activity/ActivityFacts';
import { useAction } from '../../../hooks/use-action';
import { useRemote } from '../../../hooks/use-remote';
import { ROUTES } from '../../../routes';
import { PickField } from '../../../components/PickField';

const NO_POST = '';

interface Form {
  title: string;
  place: string;
  date: string;
  start: string;
  end: string;
  capacity: string;
  postId: string;
  latitude: string;
  longitude: string;
  radius: string;
  codeSeconds: string;
}

/** Today (China time), from the next whole hour for two hours. */
function initialForm(): Form {
  const start = chinaTime().add(1, 'hour').startOf('hour');
  const end = start.add(2, 'hour');
  return {
    title: '',
    place: '',
    date: start.format('YYYY-MM-DD'),
    start: start.format('HH:mm'),
    end: end.isSame(start, 'day') ? end.format('HH:mm') : '23:59',
    capacity: '30',
    postId: NO_POST,
    latitude: '',
    longitude: '',
    radius: '300',
    codeSeconds: '10',
  };
}

/** A China-time date and time of day as a moment. */
function chinaMoment(date: string, time: string): number {
  return Date.parse(`${date}T${time}:00+08:00`);
}

const isNumber = (text: string) => text.trim() !== '' && Number.isFinite(Number(text));

/** The request, or the first thing the person must fix. */
function toInput(form: Form): { input: ActivityInput } | { problem: string } {
  if (!form.title.trim()) return { problem: '请填写活动名称' };
  if (!form.place.trim()) return { problem: '请填写活动地点' };
  const startsAt = chinaMoment(form.date, form.start);
  const endsAt = chinaMoment(form.date, form.end);
  if (!Number.isFinite(startsAt) || !Number.isFinite(endsAt)) return { problem: '请选择活动的日期和时间' };
  if (endsAt <= startsAt) return { problem: '结束时间要晚于开始时间' };
  const capacity = Number(form.capacity);
  if (!Number.isInteger(capacity) || capacity < 1 || capacity > 500) return { problem: '人数上限请填1到500之间的整数' };
  const codeSeconds = Number(form.codeSeconds);
  if (!Number.isInteger(codeSeconds) || codeSeconds < 5 || codeSeconds > 30) {
    return { problem: '签到码刷新间隔请填5到30秒' };
  }
  let geo: ActivityInput['geo'] = null;
  if (form.latitude.trim() || form.longitude.trim()) {
    if (!isNumber(form.latitude) || !isNumber(form.longitude) || !isNumber(form.radius)) {
      return { problem: '活动位置请填写纬度、经度和范围（米），或者都不填' };
    }
    geo = { latitude: Number(form.latitude), longitude: Number(form.longitude), radiusMeters: Number(form.radius) };
  }
  return {
    input: {
      title: form.title.trim(),
      place: form.place.trim(),
      startsAt,
      endsAt,
      geo,
      capacity,
      postId: form.postId === NO_POST ? null : form.postId,
      codeSeconds,
    },
  };
}

export default function ActivityEditPage() {
  const posts = useRemote(() => call('post', 'list', {}));
  const [form, setForm] = useState<Form>(initialForm);
  const [problem, setProblem] = useState<string | null>(null);
  const save = useAction((input: ActivityInput) => call('activity', 'save', input));
  const set = (field: keyof Form) => (value: string) => setForm((before) => ({ ...before, [field]: value }));

  const submit = () => {
    const checked = toInput(form);
    if ('problem' in checked) {
      setProblem(checked.problem);
      return;
    }
    setProblem(null);
    void save.run(checked.input);
  };

  const saved = save.data?.activity;
  if (saved) {
    return (
      <Page title="发布活动">
        <Notice tone="ok" role="status">
          活动已发布
        </Notice>
        <Card title={saved.title}>
          <ActivityFacts activity={saved} />
          <ActionButton
            block
            big
            onClick={() =>
              void Taro.redirectTo({ url: `${ROUTES.activityCode.path}?id=${encodeURIComponent(saved.id)}` })
            }
          >
            打开签到码
          </ActionButton>
          <ActionButton block variant="secondary" onClick={() => void Taro.navigateBack()}>
            返回活动列表
          </ActionButton>
        </Card>
      </Page>
    );
  }

  return (
    <Page title="发布活动">
      {/* The form does not wait for the posts: without them it offers only 不关联岗位. */}
      <Card>
        <TextField id="activity-title" label="活动名称" required value={form.title} onChange={set('title')} />
        <TextField id="activity-place" label="活动地点" required value={form.place} onChange={set('place')} />
        <PickField id="activity-date" label="日期" mode="date" required value={form.date} onChange={set('date')} />
        <PickField
          id="activity-start"
          label="开始时间"
          mode="time"
          required
          value={form.start}
          onChange={set('start')}
        />
        <PickField id="activity-end" label="结束时间" mode="time" required value={form.end} onChange={set('end')} />
        <TextField id="activity-capacity" label="人数上限" required value={form.capacity} onChange={set('capacity')} />
        <PickField
          id="activity-post"
          label="关联岗位"
          mode="selector"
          value={form.postId}
          onChange={set('postId')}
          hint="签到的时长记在这个岗位上，可以不选"
          options={[
            { value: NO_POST, label: '不关联岗位' },
            ...(posts.data?.posts ?? []).map((post) => ({ value: post.id, label: `${post.kind}：${post.duty}` })),
          ]}
        />
        <TextField
          id="activity-latitude"
          label="活动位置纬度"
          value={form.latitude}
          onChange={set('latitude')}
          hint="可以不填。填写后，签到时会核对党员手机的位置，不在范围内只做标记"
        />
        <TextField id="activity-longitude" label="活动位置经度" value={form.longitude} onChange={set('longitude')} />
        <TextField id="activity-radius" label="签到范围（米）" value={form.radius} onChange={set('radius')} />
        <TextField
          id="activity-code-seconds"
          label="签到码刷新间隔（秒）"
          value={form.codeSeconds}
          onChange={set('codeSeconds')}
          hint="5到30秒，默认10秒。间隔越短，拍照转发的签到码越快失效"
        />
        <Alert message={problem ?? save.error?.message} />
        <ActionButton block big busy={save.busy} onClick={submit}>
          发布活动
        </ActionButton>
      </Card>
    </Page>
  );
}
