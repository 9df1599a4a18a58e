import { useRouter } from '@tarojs/taro';
import type { Board, BoardOrder } from '../../../../types';
import { call } from '../../../api/client';
import { Card } from '../../../components/Card';
import { DateText } from '../../../components/DateText';
import { EmptyState } from '../../../components/EmptyState';
import { LinkRow } from '../../../components/LinkRow';
import { Loaded } from '../../../components/Loaded';
import { Page } from '../../../components/Page';
import { Tag } from '../../../components/Tag';
import { useRemote } from '../../../hooks/use-remote';
import './index.scss';

function Stars({ stars }: { stars: number }) {
  return (
    <span className="rb-board__stars">
      <span className="rb-board__stars-glyphs" aria-hidden="true">
        {'★'.repeat(stars)}
        {'☆'.repeat(5 - stars)}
      </span>
      <span>居民评价{stars}星</span>
    </span>
  );
}

function Counts({ board }: { board: Board }) {
  return (
    <Card title="居民需求办理情况">
      <div className="rb-board__counts">
        <p className="rb-board__count">
          <span className="rb-board__label">本月办结</span>
          <span className="rb-board__big">{board.doneThisMonth}</span>
          <span>件</span>
        </p>
        <p className="rb-board__count">
          <span className="rb-board__label">累计办结</span>
          <span className="rb-board__mid">{board.doneInAll}</span>
          <span>件</span>
        </p>
      </div>
    </Card>
  );
}

function Published({ board }: { board: Board }) {
  return (
    <Card title={`等待领办的需求（${board.publishedCount}件）`}>
      {board.published.length === 0 ? (
        <p className="rb-text rb-muted">现在没有等待领办的需求。</p>
      ) : (
        <ul className="rb-list">
          {board.published.map((order) => (
            <li className="rb-list__item" key={order.id}>
              <div className="rb-list__head">
                <h3 className="rb-list__name">{order.kind}</h3>
                <Tag text={order.compound} tone="blue" />
              </div>
              <p className="rb-text">{order.text}</p>
              <p className="rb-text rb-muted">
                希望
                <DateText at={order.wantedBy} time />
                前办好
              </p>
            </li>
          ))}
        </ul>
      )}
      {board.publishedCount > board.published.length ? (
        <p className="rb-text rb-muted">这里列出最早的{board.published.length}件。</p>
      ) : null}
    </Card>
  );
}

function Done({ orders }: { orders: BoardOrder[] }) {
  return (
    <Card title="最近办好的需求">
      {orders.length === 0 ? (
        <p className="rb-text rb-muted">还没有办好的需求。</p>
      ) : (
        <ul className="rb-list">
          {orders.map((order) => (
            <li className="rb-list__item" key={order.id}>
              <div className="rb-list__head">
                <h3 className="rb-list__name">{order.kind}</h3>
                <Tag text={order.compound} tone="green" />
              </div>
              <p className="rb-text rb-muted">
                <DateText at={order.at} />
                办好
              </p>
              {order.stars !== null ? (
                <p className="rb-text">
                  <Stars stars={order.stars} />
                </p>
              ) : (
                <p className="rb-text rb-muted">工作人员代居民确认办好</p>
              )}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

function Posts({ board }: { board: Board }) {
  return (
    <Card title="党员服务岗位">
      {board.posts.length === 0 ? (
        <p className="rb-text rb-muted">社区还没有发布岗位。</p>
      ) : (
        <ul className="rb-list">
          {board.posts.map((post) => (
            <li className="rb-list__item" key={post.id}>
              <div className="rb-list__head">
                <h3 className="rb-list__name">{post.kind}</h3>
              </div>
              <p className="rb-text">{post.duty}</p>
              <p className="rb-text rb-muted">
                {post.claimants.length === 0
                  ? '还没有党员认领'
                  : `认领党员：${post.claimants.map((c) => `${c.name}·${c.unitName}`).join('、')}`}
              </p>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

function Pledges({ board }: { board: Board }) {
  return (
    <Card title={`党员承诺（${board.pledgeCount}人）`}>
      {board.pledges.length === 0 ? (
        <p className="rb-text rb-muted">还没有公开承诺的党员。</p>
      ) : (
        <ul className="rb-list">
          {board.pledges.map((pledge, index) => (
            <li className="rb-list__item" key={`${pledge.name}-${pledge.phoneMasked}-${index}`}>
              <div className="rb-list__head">
                <h3 className="rb-list__name">{pledge.name}</h3>
                {pledge.skills.map((skill) => (
                  <Tag key={skill} text={skill} tone="blue" />
                ))}
              </div>
              <p className="rb-text rb-muted">
                {pledge.unitName} · {pledge.phoneMasked}
              </p>
              <p className="rb-text">承诺：{pledge.pledge}</p>
            </li>
          ))}
        </ul>
      )}
      {board.pledgeCount > board.pledges.length ? (
        <p className="rb-text rb-muted">这里列出其中{board.pledges.length}人。</p>
      ) : null}
    </Card>
  );
}

function NoCommunity() {
  return (
    <>
      <EmptyState text="还不知道您在哪个社区" />
      <p className="rb-text">
        在职党员到居住地社区扫码报到后，这里就会显示您社区的公示；居民在“点单”里填写居住信息后也能查看。
      </p>
      <LinkRow to="home" label="去首页扫码报到" />
      <LinkRow to="residentProfile" label="填写居住信息" />
    </>
  );
}

export default function BoardPage() {
  const { params } = useRouter();
  const communityId = params.communityId ? decodeURIComponent(params.communityId) : undefined;
  const remote = useRemote(() => call('board', 'get', communityId ? { communityId } : {}));
  return (
    <Page title="社区公示">
      <Loaded remote={remote}>
        {({ board }) =>
          board === null ? (
            <NoCommunity />
          ) : (
            <>
              <p className="rb-text">{board.community.name}</p>
              <Counts board={board} />
              <Published board={board} />
              <Done orders={board.recentlyDone} />
              <Posts board={board} />
              <Pledges board={board} />
            </>
          )
        }
      </Loaded>
    </Page>
  );
}
