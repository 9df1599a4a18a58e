import { Notice } from '../../components/Notice';

/** The browser cannot open WeChat's scanner: say how to check in instead. */
export function ScanEntry() {
  return <Notice>请用手机扫描社区报到码</Notice>;
}
