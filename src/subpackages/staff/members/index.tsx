import { formatHours } from '../../../../domain/hours';
import { call } from '../../../api/client';
import { EmptyState } from '../../../components/EmptyState';
import { Loaded } from '../../../components/Loaded';
import { Page } from '../../../components/Page';
import { Tag } from '../../../components/Tag';
import { MoreButton } from '../../../features/card/MoreButton';
import { useMore } from '../../../features/card/use-more';
import { useRemote } from '../../../hooks/use-remote';

export default function CommunityMembersPage() {
  const remote = useRemote(() => call('community', 'listCheckedIn', {}));
  const list = useMore(remote.data, (cursor) => call('community', 'listCheckedIn', { cursor }));
  return (
    <Page title="已报到党员">
      <Loaded remote={remote}>
        {() =>
          list.items.length === 0 ? (
            <EmptyState text="还没有党员在本社区报到" />
          ) : (
            <ul className="rb-list">
              {list.items.map((row) => (
                <li className="rb-list__item" key={row.memberId}>
                  <div className="rb-list__head">
                    <span className="rb-list__name">{row.name}</span>
                    {row.posts.map((kind) => (
                      <Tag key={kind} text={kind} tone="blue" />
                    ))}
                  </div>
                  <p className="rb-text">{row.unitName}</p>
                  <p className="rb-text rb-muted">
                    今年服务{formatHours(row.minutesThisYear)}，手机{row.phoneMasked}
                  </p>
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
      <MoreButton list={list} />
    </Page>
  );
}
