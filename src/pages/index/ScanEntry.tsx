import { useState } from 'react';
import Taro from '@tarojs/taro';
import { checkInUrlFromScan } from '../../utils/scene';
import { ActionButton } from '../../components/ActionButton';
import { Alert } from '../../components/Alert';

/** Mini-program: 「扫码报到」 opens the camera and goes to the community the code names. */
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
    const url = checkInUrlFromScan(res.path, res.result);
    if (!url) {
      setError('这不是社区报到码，请扫描社区张贴的报到码');
      return;
    }
    void Taro.navigateTo({ url });
  };

  return (
    <div>
      <ActionButton big block onClick={() => void scan()}>
        扫码报到
      </ActionButton>
      <Alert message={error} />
    </div>
  );
}
