import type { ReactNode } from 'react';
import './ActionButton.scss';

export interface ButtonLook {
  variant?: 'primary' | 'secondary' | 'quiet';
  block?: boolean;
  big?: boolean;
}

interface Props extends ButtonLook {
  children: ReactNode;
  onClick: () => void;
  /** While true the button is disabled and says so. */
  busy?: boolean;
  busyText?: string;
  disabled?: boolean;
}

/** The classes of a button with this look, for a platform button that is not an ActionButton (e.g. WeChat's phone button). */
export function buttonClass({ variant = 'primary', block, big }: ButtonLook): string {
  return [
    'rb-btn',
    variant === 'secondary' ? '' : `rb-btn--${variant}`,
    block ? 'rb-btn--block' : '',
    big ? 'rb-btn--big' : '',
  ]
    .filter(Boolean)
    .join(' ');
}

/** A real <button> (mapped to the mini-program button by plugin-html), at least 48 px high. */
export function ActionButton(props: Props) {
  const { children, onClick, busy, busyText = '请稍候…', disabled } = props;
  return (
    <button
      type="button"
      className={buttonClass(props)}
      disabled={disabled || busy}
      aria-busy={busy || undefined}
      onClick={onClick}
    >
      {busy ? busyText : children}
    </button>
  );
}
