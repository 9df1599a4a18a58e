import { Notice } from '../../components/Notice';

/** The browser cannot open WeChat's scanner: say how to check in and sign in instead. */
export function ScanEntry() {
  return <Notice>请用手机扫描社区报到码；参加活动时，用手机相机扫描现场的签到码签到</Notice>;
}
