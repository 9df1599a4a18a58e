import { useState } from 'react';
import Taro from '@tarojs/taro';
import { checkInUrlFromScan } from '../../utils/scene';
import { ActionButton } from '../../components/ActionButton';
import { Alert } from '../../components/Alert';
import { signInPageFromScan } from '../../features/activity/scan-text';

/**
 * Mini-program: 「扫码报到」 and 「扫码签到」 open the camera; what the code says decides where to go: an activity's
 * sign-in code to 活动签到, a community's code to 报到.
 */
export function ScanEntry() {
  const [error, setError] = useState<string | null>(null);

  const scan = async () => {
    setError(null);
    let res: Taro.scanCode.SuccessCallbackResult;
    try {
      res = await Taro.scanCode({ onlyFromCamera: true });
    } catch {
      return; // cancelled
    }
    const url = signInPageFromScan(res.result) ?? checkInUrlFromScan(res.path, res.result);
    if (!url) {
      setError('这不是社区报到码或活动签到码，请扫描社区张贴的报到码或现场的签到码');
      return;
    }
    void Taro.navigateTo({ url });
  };

  return (
    <div>
      <ActionButton big block onClick={() => void scan()}>
        扫码报到
      </ActionButton>
      <ActionButton big block variant="secondary" onClick={() => void scan()}>
        扫码签到
      </ActionButton>
      <Alert message={error} />
    </div>
  );
}
