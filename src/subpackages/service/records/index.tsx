import type { RecordStatus, RecordView } from '../../../../types';
import { formatHours } from '../../../../domain/hours';
import { call } from '../../../api/client';
import { Card } from '../../../components/Card';
import { DateText } from '../../../components/DateText';
import { LinkRow } from '../../../components/LinkRow';
import { Loaded } from '../../../components/Loaded';
import { Page } from '../../../components/Page';
import { MoreButton } from '../../../features/card/MoreButton';
import { useMore } from '../../../features/card/use-more';
import { useRemote } from '../../../hooks/use-remote';

const SECTIONS: Array<{ status: RecordStatus; title: string; empty: string }> = [
  { status: 'awaitingRating', title: '等待居民确认', empty: '没有等待居民确认的记录。' },
  { status: 'pending', title: '等待认定', empty: '没有等待认定的记录。' },
  { status: 'rejected', title: '未通过', empty: '没有未通过的记录。' },
  { status: 'confirmed', title: '已认定', empty: '还没有认定的记录。' },
];

function what(record: RecordView): string {
  if (record.activity) return `社区活动：${record.activity.title}`;
  if (record.order) return `居民点单：${record.order.kind}：${record.description}`;
  const post = record.post ? `${record.post.kind}：` : '';
  return `${record.source === 'correction' ? '更正：' : ''}${post}${record.description}`;
}

function RecordItem({ record }: { record: RecordView }) {
  return (
    <li className="rb-list__item">
      <p className="rb-text">
        <DateText at={record.startAt} time />，<span className="rb-number">{formatHours(record.minutes)}</span>
      </p>
      <p className="rb-text">{what(record)}</p>
      <p className="rb-text rb-muted">
        {record.community.name}
        {record.byStaff ? `，由${record.recordedByName}代为登记` : ''}
        {record.decidedByName ? `，${record.status === 'rejected' ? '处理人' : '盖章人'}：${record.decidedByName}` : ''}
      </p>
      {record.status === 'awaitingRating' ? (
        <p className="rb-text rb-muted">居民确认办好后，这条记录会送社区认定。</p>
      ) : null}
      {record.rating ? (
        <p className="rb-text rb-muted">
          {record.rating.by === 'staff' ? `${record.rating.byName}代居民确认` : '居民评价'}
          {record.rating.stars === null ? '' : `：${record.rating.stars}星`}
          {record.rating.comment ? `，“${record.rating.comment}”` : ''}
        </p>
      ) : null}
      {record.status === 'rejected' ? <p className="rb-text">未通过的原因：{record.rejectReason ?? '未说明'}</p> : null}
    </li>
  );
}

function Section({ status, title, empty }: (typeof SECTIONS)[number]) {
  const remote = useRemote(() => call('record', 'listMine', { status }));
  const list = useMore(remote.data, (cursor) => call('record', 'listMine', { status, cursor }));
  return (
    <Card title={title}>
      <Loaded remote={remote}>
        {() =>
          list.items.length === 0 ? (
            <p className="rb-text rb-muted">{empty}</p>
          ) : (
            <ul className="rb-list">
              {list.items.map((record) => (
                <RecordItem key={record.id} record={record} />
              ))}
            </ul>
          )
        }
      </Loaded>
      <MoreButton list={list} />
    </Card>
  );
}

export default function MyRecordsPage() {
  return (
    <Page title="我的服务记录">
      {SECTIONS.map((section) => (
        <Section key={section.status} {...section} />
      ))}
      <Card title="记录新的服务">
        <LinkRow to="report" label="记录服务" />
        <LinkRow to="activities" label="社区活动" />
      </Card>
    </Page>
  );
}
