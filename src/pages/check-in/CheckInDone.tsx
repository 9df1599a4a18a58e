import type { CommunitySummary, Timestamp } from '../../../types';
import { Card } from '../../components/Card';
import { DateText } from '../../components/DateText';

interface Props {
  serviceCardNo: string;
  checkedInAt: Timestamp;
  /** Set when this check-in moved the member here from another community. */
  from?: CommunitySummary | null;
}

/** 「已报到」 with the 活动证 number and the date. */
export function CheckInDone({ serviceCardNo, checkedInAt, from }: Props) {
  return (
    <Card tone="success">
      <div role="status">
        <h2 className="rb-title">已报到</h2>
      </div>
      {from ? <p className="rb-text">已从「{from.name}」转到本社区，原来的报到记录已保留。</p> : null}
      <p className="rb-text">
        活动证号：<span className="rb-service-card-no">{serviceCardNo}</span>
      </p>
      <p className="rb-text rb-muted">
        报到日期：
        <DateText at={checkedInAt} />
      </p>
    </Card>
  );
}
