import type { CheckInHistoryItem } from '../../types';
import { formatDate } from '../utils/time';
import { LabelTag } from './StatusTag';

interface Props {
  current: CheckInHistoryItem | null;
  history: CheckInHistoryItem[];
}

/** The member's residence communities (the current one and earlier ones), newest first. */
export function CheckInHistory({ current, history }: Props) {
  const key = (item: CheckInHistoryItem) => `${item.community.id}-${item.checkedInAt}`;
  const items = current && !history.some((item) => key(item) === key(current)) ? [current, ...history] : history;
  if (items.length === 0) return <p className="text">还没有报到记录。请扫描居住地社区的报到码报到。</p>;
  const sorted = [...items].sort((a, b) => b.checkedInAt - a.checkedInAt);
  return (
    <ul className="list">
      {sorted.map((item) => (
        <li className="list-item" key={key(item)}>
          <div className="list-item-head">
            <span className="list-item-name">{item.community.name}</span>
            {item.status === 'active' ? <LabelTag text="当前" tone="green" /> : <LabelTag text="已转出" tone="grey" />}
          </div>
          <p className="text muted">{item.community.street}</p>
          <p className="text">
            {formatDate(item.checkedInAt)} 报到
            {item.endedAt ? `，${formatDate(item.endedAt)} 转出` : ''}
          </p>
        </li>
      ))}
    </ul>
  );
}
