import { useState } from 'react';
import { SERVICE_LIMITS, type QueueItem } from '../../../../types';
import { formatDate, formatTime } from '../../../../domain/time';
import { ActionButton } from '../../../components/ActionButton';
import { CheckboxField } from '../../../components/CheckboxField';
import { InfoList, type InfoItem } from '../../../components/InfoList';
import { Tag } from '../../../components/Tag';
import { TextAreaField } from '../../../components/TextAreaField';
import { PhotoGallery } from '../../../features/photos/PhotoGallery';
import { formatHours as hoursText } from '../../../../domain/hours';
import { waitingText } from '../../../features/stamp/hours';

const SOURCE: Record<QueueItem['source'], string> = {
  activity: '活动签到',
  selfReported: '自行记录',
  order: '居民点单',
  correction: '更正记录',
};

const PLACE: Record<'inside' | 'outside' | 'unknown', string> = {
  inside: '在活动范围内',
  outside: '位置不符（不在活动范围内）',
  unknown: '没有位置信息',
};

/** What the record is about: the post's kind, the activity's title, or both. */
function subject(item: QueueItem): string {
  const parts = [
    item.activity ? `活动：${item.activity.title}` : '',
    item.post ? `岗位：${item.post.kind}` : '',
    item.order ? `居民点单：${item.order.kind}` : '',
  ];
  return parts.filter(Boolean).join('；') || '—';
}

/** The evidence rows staff weigh before stamping. */
export function evidenceRows(item: QueueItem): InfoItem[] {
  const rows: InfoItem[] = [
    { key: '服务内容', value: subject(item) },
    { key: '做了什么', value: item.description || '—' },
    {
      key: '时间',
      value: `${formatDate(item.startAt)} ${formatTime(item.startAt)}–${formatTime(item.endAt)}`,
    },
    { key: '时长', value: item.stillSignedIn ? '活动结束后计算' : hoursText(item.minutes) },
  ];
  const a = item.attendance;
  if (a) {
    rows.push({ key: '签到', value: `${formatTime(a.signedInAt)}，${PLACE[a.signInLocation]}` });
    if (a.signedOutAt !== null) {
      rows.push({
        key: '签退',
        value: `${formatTime(a.signedOutAt)}${a.signOutLocation ? `，${PLACE[a.signOutLocation]}` : ''}`,
      });
    } else if (!item.stillSignedIn) {
      rows.push({ key: '签退', value: '未签退，按活动结束时间计算' });
    }
  }
  const rating = item.rating;
  if (rating) {
    rows.push({
      key: rating.by === 'staff' ? '工作人员代为确认' : '居民评价',
      value: (
        <>
          {rating.stars === null ? (
            '未打分'
          ) : (
            <>
              <span className="rb-queue__stars" aria-hidden="true">
                {'★'.repeat(rating.stars)}
                {'☆'.repeat(5 - rating.stars)}
              </span>
              {`${rating.stars}星`}
            </>
          )}
          {rating.comment ? `，“${rating.comment}”` : ''}
          {rating.by === 'staff' ? `（${rating.byName}代居民确认）` : ''}
        </>
      ),
    });
  }
  rows.push({ key: '记录人', value: item.byStaff ? `工作人员代签：${item.recordedByName}` : item.recordedByName });
  if (item.correctsId) rows.push({ key: '更正', value: `更正记录${item.correctsId}` });
  return rows;
}

/** Flags a person must not miss, in words (the colour only repeats them). */
export function flags(item: QueueItem): string[] {
  const a = item.attendance;
  const low = item.rating?.stars ?? null;
  return [
    item.highlight ? `已等待${waitingText(item.waitingHours)}，请尽快认定` : '',
    a && a.signedOutAt === null && !item.stillSignedIn ? '未签退' : '',
    a && (a.signInLocation === 'outside' || a.signOutLocation === 'outside') ? '位置不符' : '',
    item.byStaff ? '工作人员代签' : '',
    item.rating?.by === 'staff' ? '工作人员代为确认' : '',
    low !== null && low <= 2 ? `居民只给了${low}星` : '',
  ].filter(Boolean);
}

interface Props {
  item: QueueItem;
  selected: boolean;
  onSelect: (selected: boolean) => void;
  /** Another write is running: every button waits. */
  locked: boolean;
  confirming: boolean;
  rejecting: boolean;
  onConfirm: () => void;
  onReject: (reason: string) => Promise<boolean>;
}

/** One waiting record with its evidence, its photos, and what staff may do with it. */
export function QueueEntry({ item, selected, onSelect, locked, confirming, rejecting, onConfirm, onReject }: Props) {
  const [reasonOpen, setReasonOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const stampable = !item.own && !item.stillSignedIn;
  const { textMin, reasonMax } = SERVICE_LIMITS;

  const sendReject = async () => {
    const chars = [...reason.trim()].length;
    if (chars < textMin || chars > reasonMax) {
      setReasonError(`请写明退回原因，${textMin}到${reasonMax}个字`);
      return;
    }
    setReasonError(null);
    if (await onReject(reason.trim())) {
      setReasonOpen(false);
      setReason('');
    }
  };

  return (
    <li className={item.highlight ? 'rb-list__item rb-queue__item--late' : 'rb-list__item'}>
      <div className="rb-list__head">
        <h2 className="rb-list__name">{item.memberName}</h2>
        <Tag text={SOURCE[item.source]} tone="blue" />
        {item.own ? <Tag text="本人记录" tone="grey" /> : null}
        {item.stillSignedIn ? <Tag text="活动进行中" tone="grey" /> : null}
      </div>
      <p className="rb-text rb-muted">
        {item.unitName} · {item.phoneMasked}
      </p>
      {flags(item).length ? (
        <ul className="rb-queue__flags" aria-label="需要留意">
          {flags(item).map((flag) => (
            <li key={flag} className="rb-queue__flag">
              {flag}
            </li>
          ))}
        </ul>
      ) : null}
      <InfoList items={evidenceRows(item)} />
      <PhotoGallery photos={item.photos} urls={item.photoUrls} label={`${item.memberName}的服务照片`} />
      {item.own ? <p className="rb-text rb-muted">这是您本人的记录，请由社区其他工作人员认定。</p> : null}
      {item.stillSignedIn ? <p className="rb-text rb-muted">活动还没结束，签退或活动结束后才能认定。</p> : null}
      {stampable ? (
        <>
          <CheckboxField
            id={`pick-${item.id}`}
            label={`选中${item.memberName}的这条记录`}
            checked={selected}
            onChange={onSelect}
          />
          {reasonOpen ? (
            <div className="rb-queue__reject">
              <TextAreaField
                id={`reason-${item.id}`}
                label="退回原因（党员会看到）"
                required
                value={reason}
                onChange={setReason}
                maxChars={reasonMax}
                placeholder="例如：照片看不出服务内容，请补充后重新记录"
                error={reasonError}
              />
              <div className="rb-queue__actions">
                <ActionButton busy={rejecting} busyText="正在退回…" disabled={locked} onClick={() => void sendReject()}>
                  确认退回
                </ActionButton>
                <ActionButton variant="quiet" disabled={locked} onClick={() => setReasonOpen(false)}>
                  取消
                </ActionButton>
              </div>
            </div>
          ) : (
            <div className="rb-queue__actions">
              <ActionButton busy={confirming} busyText="正在认定…" disabled={locked} onClick={onConfirm}>
                认定
              </ActionButton>
              <ActionButton variant="quiet" disabled={locked} onClick={() => setReasonOpen(true)}>
                退回
              </ActionButton>
            </div>
          )}
        </>
      ) : null}
    </li>
  );
}
