import { formatHours } from '../../../domain/hours';
import { call } from '../../api/client';
import { Card } from '../../components/Card';
import { InfoList } from '../../components/InfoList';
import { LinkRow } from '../../components/LinkRow';
import { Loaded } from '../../components/Loaded';
import { useRemote } from '../../hooks/use-remote';

/** 我的: a member's confirmed hours and the records that wait or were not accepted, with the ways to their pages. */
export function ServiceSummary() {
  const card = useRemote(() => call('card', 'get', {}));
  return (
    <Card title="我的服务">
      <Loaded remote={card}>
        {(data) => (
          <InfoList
            items={[
              { key: '今年服务', value: formatHours(data.minutesThisYear) },
              { key: '累计服务', value: formatHours(data.minutesInAll) },
              { key: '等待认定', value: `${data.pendingCount}条` },
              { key: '未通过', value: `${data.rejectedCount}条` },
            ]}
          />
        )}
      </Loaded>
      <LinkRow to="serviceCard" label="我的活动证" />
      <LinkRow to="myRecords" label="我的服务记录" />
      <LinkRow to="report" label="记录服务" />
      <LinkRow to="activities" label="社区活动" />
    </Card>
  );
}
