import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import type { ActivityView, AttendanceRow } from '../../../../types';
import { call } from '../../../api/client';
import { ActionButton } from '../../../components/ActionButton';
import { Alert } from '../../../components/Alert';
import { Card } from '../../../components/Card';
import { EmptyState } from '../../../components/EmptyState';
import { Loaded } from '../../../components/Loaded';
import { Notice } from '../../../components/Notice';
import { Page } from '../../../components/Page';
import { Tag } from '../../../components/Tag';
import { chinaTime, formatTime } from '../../../../domain/time';
import { ActivityFacts } from '../../../features/activity/ActivityFacts';
import { PickField } from '../../../components/PickField';
import { useAction } from '../../../hooks/use-action';
import { useRemote } from '../../../hooks/use-remote';
import { decodeScene } from '../../../utils/scene';

export default function AttendancePage() {
  const { params } = useRouter();
  const activityId = decodeScene(params.id);
  const attendance = useRemote(() => call('activity', 'attendance', { activityId }));
  if (!activityId) {
    return (
      <Page title="活动签到情况">
        <Alert message="没有指明是哪个活动，请从社区活动列表打开签到情况。" />
      </Page>
    );
  }
  return (
    <Page title="活动签到情况">
      <Loaded remote={attendance}>
        {(data) => (
          <>
            <Card title={data.activity.title}>
              <ActivityFacts activity={data.activity} />
              <p className="rb-text">
                已签到<span className="rb-number">{data.rows.length}</span>人
              </p>
            </Card>
            {data.rows.length === 0 ? (
              <EmptyState text="还没有人签到" />
            ) : (
              <ul className="rb-list">
                {data.rows.map((row) => (
                  <AttendanceItem key={row.recordId} row={row} />
                ))}
              </ul>
            )}
            <RecordAttendance activity={data.activity} onRecorded={() => void attendance.reload()} />
          </>
        )}
      </Loaded>
    </Page>
  );
}

function AttendanceItem({ row }: { row: AttendanceRow }) {
  return (
    <li className="rb-list__item">
      <p className="rb-text">
        <strong>{row.memberName}</strong> <span className="rb-muted">{row.unitName}</span>
      </p>
      <p className="rb-text rb-muted">
        签到 {formatTime(row.signedInAt)}
        {row.signedOutAt ? `，签退 ${formatTime(row.signedOutAt)}` : '，尚未签退'}
      </p>
      {row.location === 'outside' ? <Tag text="位置不符" tone="amber" /> : null}
      {row.signOutMissing ? <Tag text="未签退" tone="amber" /> : null}
      {row.byStaffName ? <Tag text={`工作人员代签：${row.byStaffName}`} tone="purple" /> : null}
    </li>
  );
}

/** A China-time time of day on the activity's own day. */
function onActivityDay(activity: ActivityView, time: string): number {
  return Date.parse(`${chinaTime(activity.startsAt).format('YYYY-MM-DD')}T${time}:00+08:00`);
}

/** For a member without a phone: staff record the attendance; the record says who made it. */
function RecordAttendance({ activity, onRecorded }: { activity: ActivityView; onRecorded: () => void }) {
  const members = useRemote(() => call('community', 'listCheckedIn', { limit: 100 }));
  const [memberId, setMemberId] = useState('');
  const [from, setFrom] = useState(() => formatTime(activity.startsAt));
  const [to, setTo] = useState(() => formatTime(activity.endsAt));
  const [problem, setProblem] = useState<string | null>(null);
  const record = useAction(async (request: { memberId: string; signedInAt: number; signedOutAt: number }) => {
    const res = await call('activity', 'recordAttendance', { activityId: activity.id, ...request });
    onRecorded();
    return res;
  });
  const submit = () => {
    if (!memberId) {
      setProblem('请选择党员');
      return;
    }
    const signedInAt = onActivityDay(activity, from);
    const signedOutAt = onActivityDay(activity, to);
    if (!(signedOutAt > signedInAt)) {
      setProblem('签退时间要晚于签到时间');
      return;
    }
    setProblem(null);
    void record.run({ memberId, signedInAt, signedOutAt });
  };
  return (
    <Card title="代为登记签到">
      <p className="rb-text rb-muted">党员没带手机时，可以由您代为登记。记录上会写明是您登记的。</p>
      <Loaded remote={members}>
        {(page) => (
          <PickField
            id="attendance-member"
            label="党员"
            mode="selector"
            required
            value={memberId}
            onChange={setMemberId}
            options={[
              { value: '', label: '请选择党员' },
              ...page.items.map((member) => ({
                value: member.memberId,
                label: `${member.name}（${member.unitName}）`,
              })),
            ]}
          />
        )}
      </Loaded>
      <PickField id="attendance-from" label="签到时间" mode="time" required value={from} onChange={setFrom} />
      <PickField id="attendance-to" label="签退时间" mode="time" required value={to} onChange={setTo} />
      <Alert message={problem ?? record.error?.message} />
      {record.data ? (
        <Notice tone="ok" role="status">
          已为{record.data.row.memberName}登记
        </Notice>
      ) : null}
      <ActionButton block busy={record.busy} onClick={submit}>
        登记签到
      </ActionButton>
    </Card>
  );
}
