import { useState } from 'react';
import Taro from '@tarojs/taro';
import { call } from '../../../api/client';
import { ActionButton } from '../../../components/ActionButton';
import { Card } from '../../../components/Card';
import { LinkRow } from '../../../components/LinkRow';
import { Loaded } from '../../../components/Loaded';
import { Notice } from '../../../components/Notice';
import { Page } from '../../../components/Page';
import { Tag } from '../../../components/Tag';
import { activityWindowText } from '../../../features/activity/format';
import { askToSubscribe } from '../../../features/notify/subscribe';
import { waitingText } from '../../../features/stamp/hours';
import { useRemote } from '../../../hooks/use-remote';
import { ROUTES } from '../../../routes';

const HOUR = 3_600_000;

function openCode(activityId: string) {
  void Taro.navigateTo({ url: `${ROUTES.activityCode.path}?id=${encodeURIComponent(activityId)}` });
}

/** 订阅每日待办提醒: WeChat's prompt opens only from the tap, so it is asked first, before anything else. */
function DigestButton() {
  const [answer, setAnswer] = useState<boolean | null>(null);
  const [busy, setBusy] = useState(false);
  const subscribe = async () => {
    setBusy(true);
    const accepted = await askToSubscribe(['dailyDigest']);
    setBusy(false);
    setAnswer(accepted.includes('dailyDigest'));
  };
  return (
    <>
      {answer === true ? (
        <Notice tone="ok" role="status">
          已订阅。有待办事项时，每天会用微信消息提醒您一次。
        </Notice>
      ) : null}
      {answer === false ? <Notice role="status">没有订阅提醒。需要时可以再点一次。</Notice> : null}
      <ActionButton variant="secondary" block busy={busy} busyText="请稍候…" onClick={() => void subscribe()}>
        订阅每日待办提醒
      </ActionButton>
      <p className="rb-text rb-muted">每订阅一次，可以收到一次提醒；想多收几天，可以多点几次。</p>
    </>
  );
}

export default function StaffHomePage() {
  const remote = useRemote(() => call('community', 'staffHome', {}));
  return (
    <Page title="社区工作台">
      <Loaded remote={remote}>
        {(home) => (
          <>
            <p className="rb-text">{home.community.name}</p>
            <Card title="今天的活动">
              {home.todayActivities.length === 0 ? (
                <p className="rb-text rb-muted">今天没有活动。</p>
              ) : (
                <ul className="rb-list">
                  {home.todayActivities.map((activity) => (
                    <li className="rb-list__item" key={activity.id}>
                      <div className="rb-list__head">
                        <span className="rb-list__name">{activity.title}</span>
                      </div>
                      <p className="rb-text">{activityWindowText(activity.startsAt, activity.endsAt)}</p>
                      <p className="rb-text rb-muted">地点：{activity.place}</p>
                      <ActionButton onClick={() => openCode(activity.id)}>打开“{activity.title}”签到码</ActionButton>
                    </li>
                  ))}
                </ul>
              )}
              <LinkRow to="activityEdit" label="发布活动" />
            </Card>
            <Card title="服务认定" tone={home.pendingCount > 0 ? 'waiting' : 'plain'}>
              <p className="rb-text">
                等待认定<span className="rb-number">{home.pendingCount}</span>条
                {home.highlightCount > 0 ? <Tag text={`超过48小时${home.highlightCount}条`} tone="amber" /> : null}
              </p>
              {home.oldestPendingAt !== null ? (
                <p className="rb-text rb-muted">
                  最早的一条已等待{waitingText(Math.max(0, (Date.now() - home.oldestPendingAt) / HOUR))}。
                </p>
              ) : null}
              <LinkRow to="stampQueue" label="去认定" />
            </Card>
            <Card title="居民需求" tone={home.ordersToReview > 0 || home.ordersEscalated > 0 ? 'waiting' : 'plain'}>
              <p className="rb-text">
                等待审核<span className="rb-number">{home.ordersToReview}</span>条
              </p>
              <LinkRow to="staffOrders" label="去审核居民需求" />
              <p className="rb-text">
                需要督办<span className="rb-number">{home.ordersEscalated}</span>条
                {home.ordersEscalated > 0 ? <Tag text="久未领办或已超时" tone="amber" /> : null}
              </p>
              <LinkRow to="escalatedOrders" label="查看待督办需求" />
              <LinkRow to="orderOnBehalf" label="代居民点单" />
            </Card>
            <Card title="已报到党员">
              <p className="rb-text">
                在本社区报到<span className="rb-number">{home.checkedInCount}</span>人
              </p>
              <LinkRow to="communityMembers" label="查看谁已报到" />
            </Card>
            <Card title="社区工作">
              <LinkRow to="posts" label="岗位" />
              <LinkRow to="communityQr" label="社区报到码" />
              <LinkRow to="board" label="社区公示" />
            </Card>
            <Card title="消息提醒">
              <DigestButton />
            </Card>
          </>
        )}
      </Loaded>
    </Page>
  );
}
