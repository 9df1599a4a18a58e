import { useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { ORDER_LIMITS, type OrderDetail, type OrderView } from '../../../../types';
import { call } from '../../../api/client';
import { asApiError } from '../../../api/errors';
import { ActionButton } from '../../../components/ActionButton';
import { Alert } from '../../../components/Alert';
import { Card } from '../../../components/Card';
import { Notice } from '../../../components/Notice';
import { PickField } from '../../../components/PickField';
import { TextAreaField } from '../../../components/TextAreaField';
import { orderDoneUrl } from '../../../features/orders/links';
import { reasonError } from '../../../features/orders/order-form';
import { StarRating } from '../../../features/orders/StarRating';
import { wantedWords } from '../../../features/orders/wanted';
import { useAction } from '../../../hooks/use-action';
import { useRemote } from '../../../hooks/use-remote';
import '../../../features/orders/orders.scss';

interface Props {
  order: OrderDetail;
  /** Loads the request again after a write (the page then shows its new state). */
  reload: () => Promise<void>;
  /** Shows the request as the caller now knows it to be without loading it (one they may no longer open). */
  replace: (order: OrderDetail) => void;
}

const NOTHING: OrderDetail['can'] = {
  cancel: false,
  publish: false,
  merge: false,
  reject: false,
  take: false,
  release: false,
  markDone: false,
  rate: false,
  confirmDone: false,
};

/** How many of each state the merge picker offers (the oldest first, as staff's lists go). */
const ORDER_MERGE_CHOICES = 50;

type Panel = 'release' | 'reject' | 'merge' | 'confirm' | null;

async function confirmCancel(): Promise<boolean> {
  const answer = await Taro.showModal({
    title: '撤回需求',
    content: '撤回后，社区和党员就看不到这个需求了。确定撤回吗？',
    confirmText: '撤回',
    cancelText: '不撤回',
    confirmColor: '#c8161d',
  });
  return answer.confirm;
}

/** Exactly the buttons `can` allows, each showing the request's new state once it went through. */
export function OrderActions({ order, reload, replace }: Props) {
  const [panel, setPanel] = useState<Panel>(null);
  const [done, setDone] = useState<string | null>(null);
  /** The code of the last refusal, read right after a run (the action's own error is state, set later). */
  const lastError = useRef<string | null>(null);
  const act = useAction(async (said: string, write: () => Promise<unknown>) => {
    lastError.current = null;
    try {
      await write();
    } catch (e) {
      lastError.current = asApiError(e).code;
      throw e;
    }
    return said;
  });
  const { can } = order;
  const id = order.id;

  const run = async (said: string, write: () => Promise<unknown>) => {
    setDone(null);
    const result = await act.run(said, write);
    if (result) {
      setPanel(null);
      setDone(result);
    }
    if (result === undefined && lastError.current === 'ORDER_TAKEN') {
      // Another member took it first: a member may no longer open it, so it is shown as taken, without a load.
      replace({ ...order, status: 'taken', escalation: null, can: NOTHING });
      return false;
    }
    // The request changed either way (moved on under another's hands): show it as it is now.
    await reload();
    return result !== undefined;
  };

  const any = Object.values(can).some(Boolean);
  if (!any && !done && !act.error) return null;

  return (
    <Card title="您可以">
      {done ? (
        <Notice tone="ok" role="status">
          {done}
        </Notice>
      ) : null}
      <Alert message={act.error?.message} />
      {can.rate ? (
        <RateForm
          busy={act.busy}
          onSend={(stars, comment) =>
            run('已确认办好，谢谢您的评价', () => call('order', 'rate', { orderId: id, stars, comment }))
          }
        />
      ) : null}
      <div className="rb-order-actions">
        {can.take ? (
          <ActionButton
            block
            big
            busy={act.busy}
            busyText="正在领办…"
            onClick={() => void run('您已领办，请联系居民办理', () => call('order', 'take', { orderId: id }))}
          >
            我来领办
          </ActionButton>
        ) : null}
        {can.markDone ? (
          <ActionButton block big onClick={() => void Taro.navigateTo({ url: orderDoneUrl(id) })}>
            办好了
          </ActionButton>
        ) : null}
        {can.publish ? (
          <ActionButton
            block
            big
            busy={act.busy}
            busyText="正在发布…"
            onClick={() => void run('已发布给社区的在职党员', () => call('order', 'publish', { orderId: id }))}
          >
            发布
          </ActionButton>
        ) : null}
        {can.confirmDone ? (
          <ActionButton block variant="secondary" onClick={() => setPanel(panel === 'confirm' ? null : 'confirm')}>
            代居民确认办好
          </ActionButton>
        ) : null}
        {can.merge ? (
          <ActionButton block variant="secondary" onClick={() => setPanel(panel === 'merge' ? null : 'merge')}>
            合并到…
          </ActionButton>
        ) : null}
        {can.reject ? (
          <ActionButton block variant="secondary" onClick={() => setPanel(panel === 'reject' ? null : 'reject')}>
            退回
          </ActionButton>
        ) : null}
        {can.release ? (
          <ActionButton block variant="secondary" onClick={() => setPanel(panel === 'release' ? null : 'release')}>
            放弃领办
          </ActionButton>
        ) : null}
        {can.cancel ? (
          <ActionButton
            block
            variant="secondary"
            busy={act.busy}
            busyText="正在撤回…"
            onClick={() =>
              void confirmCancel().then((yes) =>
                yes ? run('已撤回这个需求', () => call('order', 'cancel', { orderId: id })) : undefined,
              )
            }
          >
            撤回需求
          </ActionButton>
        ) : null}
      </div>
      {panel === 'release' && can.release ? (
        <ReasonForm
          id="release-reason"
          what="放弃的理由"
          send="确定放弃领办"
          busy={act.busy}
          onSend={(reason) =>
            run('已放弃领办，需求重新发布给其他党员', () => call('order', 'release', { orderId: id, reason }))
          }
        />
      ) : null}
      {panel === 'reject' && can.reject ? (
        <ReasonForm
          id="reject-reason"
          what="退回理由"
          send="确定退回"
          hint="居民会看到这个理由"
          busy={act.busy}
          onSend={(reason) => run('已退回，居民会看到理由', () => call('order', 'reject', { orderId: id, reason }))}
        />
      ) : null}
      {panel === 'merge' && can.merge ? (
        <MergeForm
          order={order}
          busy={act.busy}
          onSend={(intoId) => run('已合并到另一个需求', () => call('order', 'merge', { orderId: id, intoId }))}
        />
      ) : null}
      {panel === 'confirm' && can.confirmDone ? (
        <ConfirmForm
          busy={act.busy}
          onSend={(stars, comment) =>
            run('已代居民确认办好', () => call('order', 'confirmDone', { orderId: id, stars, comment }))
          }
        />
      ) : null}
    </Card>
  );
}

interface ReasonProps {
  id: string;
  what: string;
  send: string;
  hint?: string;
  busy: boolean;
  onSend: (reason: string) => Promise<boolean>;
}

function ReasonForm({ id, what, send, hint, busy, onSend }: ReasonProps) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    const wrong = reasonError(what, reason);
    setError(wrong);
    if (!wrong) await onSend(reason.trim());
  };
  return (
    <div className="rb-order-panel">
      {hint ? <p className="rb-text rb-muted">{hint}</p> : null}
      <TextAreaField
        id={id}
        label={what}
        required
        value={reason}
        onChange={setReason}
        maxChars={ORDER_LIMITS.reasonMax}
        error={error}
      />
      <ActionButton block busy={busy} onClick={() => void submit()}>
        {send}
      </ActionButton>
    </div>
  );
}

function commentError(comment: string): string | null {
  return [...comment.trim()].length > ORDER_LIMITS.commentMax ? `评价最多${ORDER_LIMITS.commentMax}个字` : null;
}

function RateForm({ busy, onSend }: { busy: boolean; onSend: (stars: number, comment: string) => Promise<boolean> }) {
  const [stars, setStars] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<{ stars?: string; comment?: string }>({});
  const submit = async () => {
    const found = { stars: stars === null ? '请选择星级' : undefined, comment: commentError(comment) ?? undefined };
    setErrors(found);
    if (stars === null || found.comment) return;
    await onSend(stars, comment.trim());
  };
  return (
    <div className="rb-order-panel">
      <StarRating id="stars" label="您满意吗" required value={stars} onChange={setStars} error={errors.stars} />
      <TextAreaField
        id="comment"
        label="想说的话（可以不写）"
        value={comment}
        onChange={setComment}
        maxChars={ORDER_LIMITS.commentMax}
        error={errors.comment}
      />
      <ActionButton block big busy={busy} busyText="正在提交…" onClick={() => void submit()}>
        确认办好并评价
      </ActionButton>
    </div>
  );
}

function ConfirmForm({
  busy,
  onSend,
}: {
  busy: boolean;
  onSend: (stars: number | null, comment: string) => Promise<boolean>;
}) {
  const [stars, setStars] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    const wrong = commentError(comment);
    setError(wrong);
    if (!wrong) await onSend(stars, comment.trim());
  };
  return (
    <div className="rb-order-panel">
      <p className="rb-text rb-muted">居民没有智能手机时，由您问过居民后代为确认；会记录为工作人员代确认。</p>
      <StarRating id="confirm-stars" label="居民的评价（可以不选）" value={stars} onChange={setStars} />
      <TextAreaField
        id="confirm-comment"
        label="居民想说的话（可以不写）"
        value={comment}
        onChange={setComment}
        maxChars={ORDER_LIMITS.commentMax}
        error={error}
      />
      <ActionButton block busy={busy} onClick={() => void submit()}>
        确认办好
      </ActionButton>
    </div>
  );
}

/** Another request of the community still being handled, to merge a duplicate into. */
function MergeForm({
  order,
  busy,
  onSend,
}: {
  order: OrderDetail;
  busy: boolean;
  onSend: (intoId: string) => Promise<boolean>;
}) {
  const targets = useRemote(async (): Promise<OrderView[]> => {
    const filters = ['submitted', 'published', 'taken'] as const;
    const pages = await Promise.all(
      filters.map((filter) => call('order', 'listForStaff', { filter, limit: ORDER_MERGE_CHOICES })),
    );
    return pages.flatMap((page) => page.items).filter((other) => other.id !== order.id);
  });
  const [intoId, setIntoId] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    setError(intoId ? null : '请选择要合并到的需求');
    if (intoId) await onSend(intoId);
  };
  const list = targets.data ?? [];
  return (
    <div className="rb-order-panel">
      <Alert message={targets.error?.message} />
      {targets.data && list.length === 0 ? (
        <p className="rb-text rb-muted">本社区没有其他还在办理中的需求可以合并。</p>
      ) : (
        <>
          <PickField
            id="merge-into"
            label="合并到哪个需求"
            mode="selector"
            required
            value={intoId}
            options={list.map((other) => ({
              value: other.id,
              label: `${other.kind}：${other.text.slice(0, 20)}（${other.compound}，${wantedWords(other.wantedBy)}）`,
            }))}
            placeholder={targets.loading ? '正在载入…' : '点此选择需求'}
            onChange={setIntoId}
            error={error}
          />
          <ActionButton block busy={busy} onClick={() => void submit()}>
            确定合并
          </ActionButton>
        </>
      )}
    </div>
  );
}
