import { useEffect, useRef } from 'react';
import { useRouter } from '@tarojs/taro';
import type { ScanResult } from '../../../../types';
import { call } from '../../../api/client';
import { Alert } from '../../../components/Alert';
import { Card } from '../../../components/Card';
import { Loading } from '../../../components/Loading';
import { Notice } from '../../../components/Notice';
import { Page } from '../../../components/Page';
import { ActivityFacts } from '../../../features/activity/ActivityFacts';
import { LOCATION_TEXT, hoursText } from '../../../features/activity/format';
import { currentLocation } from '../../../features/activity/location';
import { ScanButton } from '../../../features/activity/ScanButton';
import { signInCodeIn } from './code';
import { formatTime } from '../../../../domain/time';
import { useAction } from '../../../hooks/use-action';
import { decodeScene } from '../../../utils/scene';
import './index.scss';

type Scanned = { code: string } | { holdId: string };

/** What opened the page: WeChat's `q` (the whole URL, encoded), a bare `c`, or a code held while signing in. */
function scannedFrom(params: Partial<Record<string, string>>): Scanned | null {
  const hold = decodeScene(params.hold);
  if (hold) return { holdId: hold };
  const raw = params.q || params.c;
  if (!raw) return null;
  // An unreadable code still goes to the function, which says so in its own words.
  return { code: signInCodeIn(raw) ?? decodeScene(raw) };
}

export default function SignInPage() {
  const { params } = useRouter();
  const scan = useAction(async (scanned: Scanned) => {
    // The location never holds up the sign-in: declined or unavailable, it is sent as null.
    const location = await currentLocation();
    return call('activity', 'scan', { ...scanned, location });
  });
  const first = useRef(true);
  useEffect(() => {
    if (!first.current) return;
    first.current = false;
    const scanned = scannedFrom(params);
    if (scanned) void scan.run(scanned);
  }, [params, scan]);

  const rescan = (text: string) => void scan.run({ code: signInCodeIn(text) ?? text });
  const opened = scannedFrom(params) !== null;
  return (
    <Page title="活动签到">
      {scan.busy ? <Loading text="正在签到…" /> : null}
      {scan.data ? <ScanOutcome result={scan.data} /> : null}
      <Alert message={scan.error?.message} />
      {!scan.busy && (scan.error || scan.data || !opened) ? (
        <Card>
          {!opened && !scan.data && !scan.error ? (
            <p className="rb-text">请扫描现场工作人员手机上的签到码。活动开始时扫一次签到，结束时再扫一次签退。</p>
          ) : null}
          <ScanButton
            label={scan.error ? '重新扫码' : '扫码签到'}
            variant={scan.data ? 'secondary' : 'primary'}
            onScanned={rescan}
          />
        </Card>
      ) : null}
    </Page>
  );
}

function outcomeText(result: ScanResult): string {
  switch (result.outcome) {
    case 'signedIn':
      return '已签到';
    case 'signedOut':
      return `已签退，${hoursText(result.minutes)}`;
    case 'alreadySignedIn':
      return '已经签到过了';
    case 'alreadySignedOut':
    default:
      return `已经签退过了，${hoursText(result.minutes)}`;
  }
}

/** The outcome, big and clear, with the times, the location check and the activity. */
function ScanOutcome({ result }: { result: ScanResult }) {
  return (
    <Card tone="success">
      <p className="rb-sign-in__outcome" role="status">
        {outcomeText(result)}
      </p>
      <p className="rb-text rb-center">
        签到时间 {formatTime(result.signedInAt)}
        {result.signedOutAt ? `，签退时间 ${formatTime(result.signedOutAt)}` : ''}
      </p>
      {result.location === 'outside' ? (
        <Notice>您的位置不在活动范围内，已做标记，社区工作人员盖章时会核实。</Notice>
      ) : (
        <p className="rb-text rb-muted rb-center">{LOCATION_TEXT[result.location]}</p>
      )}
      {result.outcome === 'signedIn' || result.outcome === 'alreadySignedIn' ? (
        <p className="rb-text rb-muted">活动结束时请再扫一次签到码签退，时长从签到算到签退。</p>
      ) : (
        <p className="rb-text rb-muted">时长会在社区工作人员盖章确认后计入您的活动证。</p>
      )}
      <h2 className="rb-title">{result.activity.title}</h2>
      <ActivityFacts activity={result.activity} />
    </Card>
  );
}
