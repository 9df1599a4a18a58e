import type { OrderView } from '../../../types';
import { Tag } from '../../components/Tag';
import { ESCALATION_WORDS, STATUS_WORDS } from './status';

/** The request's state, and 超时 / 久未领办 when it is escalated. */
export function OrderStatusTag({ order }: { order: Pick<OrderView, 'status' | 'escalation'> }) {
  return (
    <>
      <Tag {...STATUS_WORDS[order.status]} />
      {order.escalation ? <Tag text={ESCALATION_WORDS[order.escalation]} tone="red" /> : null}
    </>
  );
}
