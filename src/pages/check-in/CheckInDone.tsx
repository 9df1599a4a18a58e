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
        <h2 className="section-title">已报到</h2>
      </div>
      {from ? <p className="text">已从「{from.name}」转到本社区，原来的报到记录已保留。</p> : null}
      <p className="text">
        活动证号：<span className="service-card-no">{serviceCardNo}</span>
      </p>
      <p className="text muted">
        报到日期：
        <DateText at={checkedInAt} />
      </p>
    </Card>
  );
}
