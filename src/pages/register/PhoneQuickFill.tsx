import { Button } from '@tarojs/components';
import { buttonClass } from '../../components/ActionButton';
import '../../components/FieldFrame.scss';

export interface PhoneQuickFillProps {
  /** Set once WeChat handed over a one-time phone code. */
  hasCode: boolean;
  onCode: (code: string) => void;
  onRefused: () => void;
}

/** Mini-program only: WeChat's phone-number button (the browser build has no such thing, see .h5.tsx). */
export function PhoneQuickFill({ hasCode, onCode, onRefused }: PhoneQuickFillProps) {
  return (
    <div className="rb-field">
      <Button
        className={buttonClass({ variant: 'quiet', block: true })}
        openType="getPhoneNumber"
        onGetPhoneNumber={(e) => {
          const code = (e.detail as { code?: string }).code;
          if (code) onCode(code);
          else onRefused();
        }}
      >
        {hasCode ? '已获取微信手机号（可重新获取）' : '微信手机号快捷填写'}
      </Button>
      <p className="rb-field__hint">也可以在上面直接输入手机号。</p>
    </div>
  );
}
