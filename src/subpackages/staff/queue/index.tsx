import { useState } from 'react';
import { SERVICE_LIMITS, type QueueItem } from '../../../../types';
import { call } from '../../../api/client';
import { ActionButton } from '../../../components/ActionButton';
import { Alert } from '../../../components/Alert';
import { CheckboxField } from '../../../components/CheckboxField';
import { EmptyState } from '../../../components/EmptyState';
import { Loaded } from '../../../components/Loaded';
import { Notice } from '../../../components/Notice';
import { Page } from '../../../components/Page';
import { DateText } from '../../../components/DateText';
import { useAction } from '../../../hooks/use-action';
import { useRemote } from '../../../hooks/use-remote';
import { QueueEntry } from './QueueEntry';
import { confirmSummary } from './confirm-summary';
import './index.scss';

const stampable = (item: QueueItem) => !item.own && !item.stillSignedIn;

export default function StampQueuePage() {
  const queue = useRemote(() => call('record', 'queue', { limit: SERVICE_LIMITS.pageMax }));
  const [selected, setSelected] = useState<string[]>([]);
  /** The record a per-item write is about (its button shows the busy text). */
  const [acting, setActing] = useState<{ id: string; kind: 'confirm' | 'reject' } | null>(null);

  const confirm = useAction(async (recordIds: string[]) => {
    const result = await call('record', 'confirm', { recordIds });
    setSelected([]);
    await queue.reload();
    return confirmSummary(result);
  });
  const reject = useAction(async (item: QueueItem, reason: string) => {
    await call('record', 'reject', { recordId: item.id, reason });
    setSelected((ids) => ids.filter((id) => id !== item.id));
    await queue.reload();
    return `已退回${item.memberName}的记录，党员会看到退回原因`;
  });
  const busy = confirm.busy || reject.busy;
  const done = reject.data && !confirm.data ? reject.data : confirm.data;
  const error = confirm.error ?? reject.error;

  const confirmIds = async (ids: string[], one: string | null) => {
    reject.reset();
    confirm.reset();
    setActing(one ? { id: one, kind: 'confirm' } : null);
    await confirm.run(ids);
    setActing(null);
  };
  const rejectOne = async (item: QueueItem, reason: string) => {
    confirm.reset();
    reject.reset();
    setActing({ id: item.id, kind: 'reject' });
    const answer = await reject.run(item, reason);
    setActing(null);
    return answer !== undefined;
  };

  return (
    <Page title="服务认定">
      <Loaded remote={queue}>
        {(data) => {
          const open = data.items.filter(stampable).slice(0, SERVICE_LIMITS.batchMax);
          const chosen = selected.filter((id) => open.some((item) => item.id === id));
          const all = open.length > 0 && chosen.length === open.length;
          return (
            <>
              {done ? (
                <Notice tone="ok" role="status">
                  {done}
                </Notice>
              ) : null}
              <Alert message={error?.message} />
              <p className="rb-text">
                等待认定<span className="rb-number">{data.pendingCount}</span>条
                {data.oldestPendingAt !== null ? (
                  <>
                    ，最早的提交于
                    <DateText at={data.oldestPendingAt} time />
                  </>
                ) : null}
              </p>
              {data.highlightCount > 0 ? (
                <Notice>其中{data.highlightCount}条等待时间过长，已标出，请优先认定。</Notice>
              ) : null}
              {data.items.length === 0 ? (
                <EmptyState text="没有等待认定的记录" />
              ) : (
                <>
                  <p className="rb-text rb-muted">最早提交的排在前面。请看过照片和签到情况后再认定；认定后不能更改。</p>
                  {open.length > 0 ? (
                    <div className="rb-queue__batch">
                      <CheckboxField
                        id="pick-all"
                        label={`全选（${open.length}条${open.length === SERVICE_LIMITS.batchMax ? '，一次最多50条' : ''}）`}
                        checked={all}
                        onChange={(on) => setSelected(on ? open.map((item) => item.id) : [])}
                      />
                      <ActionButton
                        block
                        busy={confirm.busy && acting === null}
                        busyText="正在认定…"
                        disabled={busy || chosen.length === 0}
                        onClick={() => void confirmIds(chosen, null)}
                      >
                        {`认定所选（${chosen.length}）`}
                      </ActionButton>
                    </div>
                  ) : null}
                  <ul className="rb-list" aria-label="等待认定的记录">
                    {data.items.map((item) => (
                      <QueueEntry
                        key={item.id}
                        item={item}
                        selected={chosen.includes(item.id)}
                        onSelect={(on) =>
                          setSelected((ids) => (on ? [...ids, item.id] : ids.filter((id) => id !== item.id)))
                        }
                        locked={busy}
                        confirming={acting?.id === item.id && acting.kind === 'confirm'}
                        rejecting={acting?.id === item.id && acting.kind === 'reject'}
                        onConfirm={() => void confirmIds([item.id], item.id)}
                        onReject={(reason) => rejectOne(item, reason)}
                      />
                    ))}
                  </ul>
                  {data.next ? (
                    <p className="rb-text rb-muted">这里先显示最早的{data.items.length}条，处理后会显示后面的记录。</p>
                  ) : null}
                </>
              )}
            </>
          );
        }}
      </Loaded>
    </Page>
  );
}
