import type { CheckInHistoryItem, CheckInStatus } from '../../../types';
import { DateText } from '../../components/DateText';
import { Tag } from '../../components/Tag';

interface Props {
  history: CheckInHistoryItem[];
}

const TAGS: Record<CheckInStatus, { text: string; tone: 'green' | 'grey' }> = {
  active: { text: '当前', tone: 'green' },
  transferred: { text: '已转出', tone: 'grey' },
  ended: { text: '已结束', tone: 'grey' },
};

/** How a check-in that is over ended. */
const ENDED: Record<CheckInStatus, string> = { active: '', transferred: '转出', ended: '结束' };

/** The member's residence communities (the current one, status `active`, and earlier ones), newest first. */
export function CheckInHistory({ history }: Props) {
  const key = (item: CheckInHistoryItem) => `${item.community.id}-${item.checkedInAt}`;
  if (history.length === 0) return <p className="rb-text">还没有报到记录。请扫描居住地社区的报到码报到。</p>;
  const sorted = [...history].sort((a, b) => b.checkedInAt - a.checkedInAt);
  return (
    <ul className="rb-list">
      {sorted.map((item) => (
        <li className="rb-list__item" key={key(item)}>
          <div className="rb-list__head">
            <span className="rb-list__name">{item.community.name}</span>
            <Tag {...TAGS[item.status]} />
          </div>
          <p className="rb-text rb-muted">{item.community.street}</p>
          <p className="rb-text">
            <DateText at={item.checkedInAt} />
            报到
            {item.endedAt ? (
              <>
                ，<DateText at={item.endedAt} />
                {ENDED[item.status]}
              </>
            ) : null}
          </p>
        </li>
      ))}
    </ul>
  );
}
