import type { ReactNode } from 'react';

interface Props {
  children: ReactNode;
  onClick: () => void;
  variant?: 'primary' | 'secondary' | 'quiet';
  block?: boolean;
  big?: boolean;
  /** While true the button is disabled and says so. */
  busy?: boolean;
  busyText?: string;
  disabled?: boolean;
  className?: string;
}

/** A real <button> (mapped to the mini-program button by plugin-html), at least 48 px high. */
export function ActionButton(props: Props) {
  const { children, onClick, variant = 'primary', block, big, busy, busyText = '请稍候…', disabled, className } = props;
  const classes = [
    'btn',
    variant === 'primary' ? 'btn-primary' : variant === 'quiet' ? 'btn-quiet' : '',
    block ? 'btn-block' : '',
    big ? 'btn-big' : '',
    className ?? '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <button
      type="button"
      className={classes}
      disabled={disabled || busy}
      aria-busy={busy || undefined}
      onClick={onClick}
    >
      {busy ? busyText : children}
    </button>
  );
}
