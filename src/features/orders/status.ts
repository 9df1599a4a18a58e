import type { EscalationKind, OrderStatus, OrderView } from '../../../types';
import type { TagTone } from '../../components/Tag';

/** A request's state in the words a resident, a member and staff all read. */
export const STATUS_WORDS: Record<OrderStatus, { text: string; tone: TagTone }> = {
  submitted: { text: '等待社区审核', tone: 'amber' },
  published: { text: '等待党员领办', tone: 'blue' },
  taken: { text: '党员正在办理', tone: 'purple' },
  done: { text: '已办好，等待确认', tone: 'amber' },
  rated: { text: '已完成', tone: 'green' },
  rejected: { text: '社区已退回', tone: 'grey' },
  merged: { text: '已合并到其他需求', tone: 'grey' },
  cancelled: { text: '已撤回', tone: 'grey' },
};

export const ESCALATION_WORDS: Record<EscalationKind, string> = {
  untaken: '久未领办',
  overdue: '超时',
};

/** What happens next, said to whoever is looking at the request. */
export function nextStep(order: OrderView): string {
  switch (order.status) {
    case 'submitted':
      return order.mine ? '社区工作人员审核后，会发布给附近的在职党员。' : '等待社区工作人员审核。';
    case 'published':
      return order.mine ? '已发布给社区的在职党员，有人领办后会通知您。' : '社区的在职党员可以领办。';
    case 'taken':
      if (order.taking) return '请按约定联系居民办理，办好后点「办好了」登记。';
      return order.mine ? '领办的党员会联系您，办好后请您确认并评价。' : '党员正在办理。';
    case 'done':
      if (order.mine) return '党员说已经办好了，请您确认并评价。';
      return order.taking ? '等待居民确认并评价。' : '等待居民确认。';
    case 'rated':
      return '已确认办好，服务记录交社区认定。';
    case 'rejected':
      return '社区没有发布这个需求。';
    case 'merged':
      return '社区发现有相同的需求，已合并一起办理。';
    case 'cancelled':
      return '这个需求已经撤回。';
  }
}
