import Taro from '@tarojs/taro';
import { ActionButton } from '../../components/ActionButton';

export interface ScanButtonProps {
  label: string;
  /** What the camera read (cancelling calls nothing). */
  onScanned: (text: string) => void;
  variant?: 'primary' | 'secondary';
}

/** Mini-program: opens WeChat's scanner and hands over what it read. */
export function ScanButton({ label, onScanned, variant = 'primary' }: ScanButtonProps) {
  const scan = async () => {
    let res: Taro.scanCode.SuccessCallbackResult;
    try {
      res = await Taro.scanCode({ onlyFromCamera: true });
    } catch {
      return; // cancelled
    }
    onScanned(res.result || res.path || '');
  };
  return (
    <ActionButton big block variant={variant} onClick={() => void scan()}>
      {label}
    </ActionButton>
  );
}
