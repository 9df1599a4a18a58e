import { useState } from 'react';
import Taro from '@tarojs/taro';
import type { ActivityView } from '../../../../types';
import { call } from '../../../api/client';
import { ActionButton } from '../../../components/ActionButton';
import { Alert } from '../../../components/Alert';
import { Card } from '../../../components/Card';
import { EmptyState } from '../../../components/EmptyState';
import { Loaded } from '../../../components/Loaded';
import { Page } from '../../../components/Page';
import { Tag } from '../../../components/Tag';
import { ActivityFacts } from '../../../features/activity/ActivityFacts';
import { isOver } from '../../../features/activity/format';
import { useAction } from '../../../hooks/use-action';
import { useRemote } from '../../../hooks/use-remote';
import { ROUTES } from '../../../routes';
import './index.scss';

type When = 'upcoming' | 'past';

const open = (url: string) => void Taro.navigateTo({ url });

export default function ActivitiesPage() {
  const [when, setWhen] = useState<When>('upcoming');
  return (
    <Page title="社区活动">
      <div className="rb-activities__row" role="group" aria-label="活动时间">
        <ActionButton variant={when === 'upcoming' ? 'primary' : 'secondary'} onClick={() => setWhen('upcoming')}>
          即将开始
        </ActionButton>
        <ActionButton variant={when === 'past' ? 'primary' : 'secondary'} onClick={() => setWhen('past')}>
          已经结束
        </ActionButton>
      </div>
      {/* A new list (and load) for each choice. */}
      <ActivityList key={when} when={when} />
    </Page>
  );
}

function ActivityList({ when }: { when: When }) {
  const list = useRemote(() => call('activity', 'list', { when }));
  const signUp = useAction(async (activity: ActivityView) => {
    const { id } = activity;
    const res = await call(
      'activity',
      'signUp',
      activity.me.signedUp ? { activityId: id, cancel: true } : { activityId: id },
    );
    await list.reload();
    return res;
  });
  return (
    <>
      <Alert message={signUp.error?.message} />
      <Loaded remote={list}>
        {(data) => (
          <>
            {data.community ? <p className="rb-text rb-muted">{data.community.name}</p> : null}
            {data.canManage ? (
              <ActionButton block onClick={() => open(ROUTES.activityEdit.path)}>
                发布活动
              </ActionButton>
            ) : null}
            {data.activities.length === 0 ? (
              <EmptyState text={when === 'upcoming' ? '近期还没有活动' : '还没有结束的活动'} />
            ) : (
              data.activities.map((activity) => (
                <ActivityCard
                  key={activity.id}
                  activity={activity}
                  canManage={data.canManage}
                  busy={signUp.busy}
                  onSignUp={() => void signUp.run(activity)}
                />
              ))
            )}
          </>
        )}
      </Loaded>
    </>
  );
}

interface CardProps {
  activity: ActivityView;
  canManage: boolean;
  busy: boolean;
  onSignUp: () => void;
}

function ActivityCard({ activity, canManage, busy, onSignUp }: CardProps) {
  const over = isOver(activity);
  const cancelled = activity.status === 'cancelled';
  const full = activity.signUpCount >= activity.capacity;
  return (
    <Card title={activity.title}>
      {cancelled ? <Tag text="已取消" tone="grey" /> : null}
      {activity.me.signedUp ? <Tag text="已报名" tone="green" /> : null}
      {activity.me.attendance === 'signedIn' ? <Tag text="已签到" tone="blue" /> : null}
      {activity.me.attendance === 'signedOut' ? <Tag text="已签退" tone="blue" /> : null}
      <ActivityFacts activity={activity} />
      {!over && !cancelled && !canManage ? (
        <ActionButton
          block
          variant={activity.me.signedUp ? 'secondary' : 'primary'}
          busy={busy}
          disabled={!activity.me.signedUp && full}
          onClick={onSignUp}
        >
          {activity.me.signedUp ? '取消报名' : full ? '名额已满' : '报名'}
        </ActionButton>
      ) : null}
      {canManage ? (
        <div className="rb-activities__row">
          {!over && !cancelled ? (
            <ActionButton onClick={() => open(`${ROUTES.activityCode.path}?id=${encodeURIComponent(activity.id)}`)}>
              签到码
            </ActionButton>
          ) : null}
          <ActionButton
            variant="secondary"
            onClick={() => open(`${ROUTES.attendance.path}?id=${encodeURIComponent(activity.id)}`)}
          >
            签到情况
          </ActionButton>
        </div>
      ) : null}
    </Card>
  );
}
