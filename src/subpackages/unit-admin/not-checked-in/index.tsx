import { call } from '../../../api/client';
import { EmptyState } from '../../../components/EmptyState';
import { MemberRowHead } from '../shared/MemberRowHead';
import { Page } from '../../../components/Page';
import { RegisteredOn } from '../shared/RegisteredOn';
import { Loaded } from '../../../components/Loaded';
import { useRemote } from '../../../hooks/use-remote';

export default function NotCheckedInPage() {
  const list = useRemote(() => call('unit', 'listNotCheckedIn', {}));
  return (
    <Page title="未报到党员">
      <Loaded remote={list}>
        {(data) => (
          <>
            <p className="rb-text">
              {data.unit.name}：尚未报到<span className="rb-number">{data.members.length}</span>人
            </p>
            {data.members.length === 0 ? (
              <EmptyState text="全部党员都已报到" />
            ) : (
              <>
                <p className="rb-text rb-muted">新注册和新调入的党员排在前面。请提醒他们扫描居住地社区的报到码。</p>
                <ul className="rb-list">
                  {data.members.map((member) => (
                    <li className="rb-list__item" key={member.memberId}>
                      <MemberRowHead member={member} showStatus />
                      <RegisteredOn at={member.registeredAt} />
                    </li>
                  ))}
                </ul>
              </>
            )}
          </>
        )}
      </Loaded>
    </Page>
  );
}
