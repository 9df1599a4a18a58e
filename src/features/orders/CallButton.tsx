import Taro from '@tarojs/taro';
import { ActionButton } from '../../components/ActionButton';

export interface CallButtonProps {
  phone: string;
  /** Whom the call is to, for the button's words (拨打张阿姨的电话). */
  name: string;
}

/** Mini-program: WeChat's dialler (the browser build uses a tel: link, see CallButton.h5.tsx). */
export function CallButton({ phone, name }: CallButtonProps) {
  return (
    <ActionButton
      block
      variant="secondary"
      onClick={() => void Taro.makePhoneCall({ phoneNumber: phone }).catch(() => undefined)}
    >
      拨打{name}的电话
    </ActionButton>
  );
}
