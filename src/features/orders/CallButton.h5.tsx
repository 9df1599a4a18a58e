import { buttonClass } from '../../components/ActionButton';
import type { CallButtonProps } from './CallButton';

/** Browser: a tel: link that looks like a button (the phone offers to call). */
export function CallButton({ phone, name }: CallButtonProps) {
  return (
    <a className={buttonClass({ variant: 'secondary', block: true })} href={`tel:${phone}`}>
      拨打{name}的电话
    </a>
  );
}
