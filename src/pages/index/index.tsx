import { ROLE_LABELS } from '../../../types';
import { call } from '../../api/client';
import { Card } from '../../components/Card';
import { LinkRow } from '../../components/LinkRow';
import { MemberStatusCard } from '../../components/MemberStatusCard';
import { Page } from '../../components/Page';
import { RemoteStatus } from '../../components/RemoteStatus';
import { ScanEntry } from '../../components/ScanEntry';
import { useRemote } from '../../hooks/useRemote';
import { greeting } from '../../utils/time';

export default function HomePage() {
  const me = useRemote(() => call('user', 'getMe', {}));
  const title = me.data?.name ? `${greeting()}，${me.data.name}` : `${greeting()}`;

  return (
    <Page title={title} tab>
      <p className="text muted">红袖章 · 在职党员到居住地社区报到</p>
      <RemoteStatus remote={me} />
      {me.data ? (
        <>
          <p className="text">身份：{me.data.roles.map((role) => ROLE_LABELS[role]).join('、')}</p>
          <MemberStatusCard member={me.data.member} />
          <ScanEntry />
          {me.data.roles.includes('staff') ? (
            <Card title={me.data.staffCommunity ? `社区工作：${me.data.staffCommunity.name}` : '社区工作'}>
              <LinkRow url="/subpackages/staff/community-qr/index" label="社区报到码" />
            </Card>
          ) : null}
          {me.data.roles.includes('unitAdmin') ? (
            <Card title={me.data.adminUnit ? `单位党组织：${me.data.adminUnit.name}` : '单位党组织'}>
              <LinkRow url="/subpackages/unit-admin/members/index" label="党员身份确认" />
              <LinkRow url="/subpackages/unit-admin/not-checked-in/index" label="未报到党员" />
            </Card>
          ) : null}
        </>
      ) : null}
    </Page>
  );
}
