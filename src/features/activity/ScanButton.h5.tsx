import { Notice } from '../../components/Notice';
import type { ScanButtonProps } from './ScanButton';

/** Browser: no scanner here; the phone's camera opens the code's address instead. */
export function ScanButton(_props: ScanButtonProps) {
  return <Notice>请用手机相机扫描现场工作人员手机上的签到码</Notice>;
}
