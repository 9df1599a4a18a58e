import type { ServiceCardView, StampedLine } from '../../../../types';
import { formatHours, hoursOf } from '../../../../domain/hours';
import { call } from '../../../api/client';
import { Card } from '../../../components/Card';
import { DateText } from '../../../components/DateText';
import { EmptyState } from '../../../components/EmptyState';
import { InfoList } from '../../../components/InfoList';
import { LinkRow } from '../../../components/LinkRow';
import { Loaded } from '../../../components/Loaded';
import { Page } from '../../../components/Page';
import { Tag } from '../../../components/Tag';
import { MoreButton } from '../../../features/card/MoreButton';
import { useMore } from '../../../features/card/use-more';
import { useRemote } from '../../../hooks/use-remote';
import { PrintButton } from './PrintButton';
import './index.scss';

const SOURCE_TEXT: Record<StampedLine['source'], string> = {
  activity: '社区活动',
  selfReported: '自主服务',
  order: '点单服务',
  correction: '更正',
};

function Hours({ card }: { card: ServiceCardView }) {
  const { goal, star } = card;
  const thisYear = hoursOf(card.minutesThisYear);
  const done = Math.min(100, goal.yearlyHours > 0 ? (thisYear / goal.yearlyHours) * 100 : 100);
  const pace = Math.min(100, goal.yearlyHours > 0 ? (goal.expectedHoursByToday / goal.yearlyHours) * 100 : 100);
  return (
    <Card title="服务时长">
      <InfoList
        items={[
          { key: '今年', value: formatHours(card.minutesThisYear) },
          { key: '累计', value: formatHours(card.minutesInAll) },
        ]}
      />
      <p className="rb-text">
        年度目标{goal.yearlyHours}小时，按进度今天应达到{goal.expectedHoursByToday}小时：
        {goal.onPace ? '您的进度正常。' : `还差${Math.round((goal.expectedHoursByToday - thisYear) * 10) / 10}小时。`}
      </p>
      <div className="rb-service-card__bar" aria-hidden="true">
        <div className="rb-service-card__done" style={{ width: `${done}%` }} />
        <div className="rb-service-card__pace" style={{ left: `${pace}%` }} />
      </div>
      <p className="rb-text">
        星级：
        <span className="rb-service-card__stars" aria-hidden="true">
          {'★'.repeat(star.level)}
          {'☆'.repeat(5 - star.level)}
        </span>
        <span>{star.level === 0 ? '还没有星' : `${star.level}星`}</span>
      </p>
      <p className="rb-text rb-muted">
        {star.nextAtHours === null ? '已达到最高星级。' : `累计服务满${star.nextAtHours}小时可得下一颗星。`}
      </p>
    </Card>
  );
}

function Posts({ card }: { card: ServiceCardView }) {
  return (
    <Card title="认领的岗位">
      {card.posts.length === 0 ? (
        <>
          <p className="rb-text">您还没有认领岗位。</p>
          <LinkRow to="posts" label="去认领岗位" />
        </>
      ) : (
        <ul className="rb-list">
          {card.posts.map((post) => (
            <li className="rb-list__item" key={post.postId}>
              <div className="rb-list__head">
                <span className="rb-list__name">{post.kind}</span>
                <Tag text={post.done ? '本期已服务' : '本期未服务'} tone={post.done ? 'green' : 'amber'} />
              </div>
              <p className="rb-text">{post.duty}</p>
              <p className="rb-text rb-muted">
                {post.period}：{post.done ? '已服务' : '还没有认定的服务'}；上个半月：
                {post.previousDone ? '已服务' : '未服务'}
              </p>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

function Lines({ card }: { card: ServiceCardView }) {
  const lines = useMore(card.lines, (cursor) => call('card', 'lines', { cursor }));
  return (
    <Card title="盖章记录">
      {lines.items.length === 0 ? (
        <EmptyState text="还没有认定的服务。服务经社区认定后会记在这里。" />
      ) : (
        <ul className="rb-list">
          {lines.items.map((line) => (
            <li className="rb-list__item" key={line.recordId}>
              <div className="rb-service-card__line">
                <DateText at={line.date} />
                <span className="rb-number">{formatHours(line.minutes)}</span>
              </div>
              <p className="rb-text">
                {SOURCE_TEXT[line.source]}：{line.what}
              </p>
              <p className="rb-text rb-muted">
                {line.communityName}认定，盖章人：{line.stampedByName || '社区工作人员'}
              </p>
            </li>
          ))}
        </ul>
      )}
      <MoreButton list={lines} />
    </Card>
  );
}

export default function ServiceCardPage() {
  const remote = useRemote(() => call('card', 'get', {}));
  return (
    <Page title="我的活动证">
      <Loaded remote={remote}>
        {(card) => (
          <>
            <Card title="活动证">
              <InfoList
                items={[
                  { key: '活动证号', value: card.cardNo ?? '报到后发放' },
                  { key: '姓名', value: card.name },
                  { key: '工作单位', value: card.unit.name },
                  { key: '报到社区', value: card.community?.name ?? '尚未报到' },
                ]}
              />
            </Card>
            <Hours card={card} />
            <Posts card={card} />
            <Card title="服务记录">
              <p className="rb-text">
                等待认定<span className="rb-number">{card.pendingCount}</span>条，未通过
                <span className="rb-number">{card.rejectedCount}</span>条。
              </p>
              <p className="rb-text rb-muted">领办的居民需求办好后，要等居民确认，才会送社区认定。</p>
              <LinkRow to="myRecords" label="我的服务记录" />
            </Card>
            <Lines card={card} />
            <PrintButton />
          </>
        )}
      </Loaded>
    </Page>
  );
}
