import { useEffect, useMemo, useState } from 'react';
import { useRouter } from '@tarojs/taro';
import type { CodeKey } from '../../../../types';
import { codeStep, stepStartsAt } from '../../../../domain/sign-in-code';
import { call } from '../../../api/client';
import { Alert } from '../../../components/Alert';
import { Card } from '../../../components/Card';
import { Loaded } from '../../../components/Loaded';
import { Notice } from '../../../components/Notice';
import { Page } from '../../../components/Page';
import { activityWindowText } from '../../../features/activity/format';
import { qrDataUrl, signInUrlAt } from '../../../features/activity/code-image';
import { useRemote } from '../../../hooks/use-remote';
import { keepScreenOn } from '../../../platform/keep-screen-on';
import { signInUrlPrefix } from '../../../platform/sign-in-prefix';
import { decodeScene } from '../../../utils/scene';
import { CodeImage } from './CodeImage';

const TICK_MS = 1000;
const ATTENDANCE_POLL_MS = 10_000;

export default function ActivityCodePage() {
  const { params } = useRouter();
  const activityId = decodeScene(params.id);
  const activity = useRemote(() => call('activity', 'get', { activityId }));
  const key = useRemote(() => call('activity', 'getCodeKey', { activityId }));
  if (!activityId) {
    return (
      <Page title="活动签到码">
        <Alert message="没有指明是哪个活动，请从社区活动列表打开签到码。" />
      </Page>
    );
  }
  return (
    <Page title="活动签到码">
      <Loaded remote={key}>
        {(codeKey) => (
          <Card title={activity.data?.activity.title}>
            {activity.data ? (
              <p className="rb-text rb-muted rb-center">
                {activityWindowText(codeKey.startsAt, codeKey.endsAt)} · {activity.data.activity.place}
              </p>
            ) : null}
            <RotatingCode codeKey={codeKey} />
            <SignedInCount activityId={activityId} />
          </Card>
        )}
      </Loaded>
    </Page>
  );
}

/**
 * Draws the activity's code for the current step by the server's clock (the phone's clock moved by the difference seen
 * when the key came), every second, with no network: a short drop does not stop the rotation.
 */
function RotatingCode({ codeKey }: { codeKey: CodeKey }) {
  const [offset] = useState(() => codeKey.serverNow - Date.now());
  const [now, setNow] = useState(() => Date.now() + offset);
  useEffect(() => {
    keepScreenOn(true);
    const timer = setInterval(() => setNow(Date.now() + offset), TICK_MS);
    return () => {
      clearInterval(timer);
      keepScreenOn(false);
    };
  }, [offset]);

  const { activityId, secret, codeSeconds } = codeKey;
  const step = codeStep(now, codeSeconds);
  const image = useMemo(
    () => qrDataUrl(signInUrlAt(signInUrlPrefix(), activityId, secret, codeSeconds, stepStartsAt(step, codeSeconds))),
    [activityId, secret, codeSeconds, step],
  );
  const secondsLeft = Math.max(1, Math.ceil((stepStartsAt(step + 1, codeSeconds) - now) / 1000));
  const over = now >= codeKey.endsAt;
  return (
    <>
      {over ? <Notice>活动已经结束，已签到还没签退的党员仍可扫码签退。</Notice> : null}
      <CodeImage src={image} alt="活动签到码，请党员用微信扫码签到或签退" />
      <p className="rb-text rb-center">
        每{codeSeconds}秒更换一次，<span className="rb-number">{secondsLeft}</span>秒后更换
      </p>
      <p className="rb-text rb-muted rb-center">
        请党员用微信扫码签到，活动结束时再扫一次签退。拍照转发的签到码很快失效。
      </p>
    </>
  );
}

/** 已签到 n 人, asked every ten seconds; a failed ask keeps the last count. */
function SignedInCount({ activityId }: { activityId: string }) {
  const [count, setCount] = useState<number | null>(null);
  useEffect(() => {
    let live = true;
    const ask = () => {
      call('activity', 'attendance', { activityId }).then(
        (res) => {
          if (live) setCount(res.rows.length);
        },
        () => undefined,
      );
    };
    ask();
    const timer = setInterval(ask, ATTENDANCE_POLL_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [activityId]);
  return (
    <p className="rb-text rb-center" aria-live="polite">
      已签到<span className="rb-number">{count ?? '…'}</span>人
    </p>
  );
}
