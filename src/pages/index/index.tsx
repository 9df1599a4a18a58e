import { ROLE_LABELS, type Me } from '../../../types';
import { call } from '../../api/client';
import { Card } from '../../components/Card';
import { LinkRow } from '../../components/LinkRow';
import { MemberStatusCard } from './MemberStatusCard';
import { Page } from '../../components/Page';
import { RemoteStatus } from '../../components/RemoteStatus';
import { ScanEntry } from './ScanEntry';
import { useRemote } from '../../hooks/useRemote';
import { greeting } from '../../../domain/time';

/** How many registrations wait for the unit admin; null when the count could not be had (the page still opens). */
async function pendingConfirmations(me: Me): Promise<number | null> {
  if (!me.roles.includes('unitAdmin')) return null;
  try {
    const { members } = await call('unit', 'listMembers', { status: 'unverified' });
    return members.length;
  } catch {
    return null;
  }
}

async function loadHome() {
  const me = await call('user', 'getMe', {});
  return { me, pending: await pendingConfirmations(me) };
}

export default function HomePage() {
  const home = useRemote(loadHome);
  const me = home.data?.me;
  const pending = home.data?.pending ?? null;
  const title = me?.name ? `${greeting()}，${me.name}` : `${greeting()}`;

  return (
    <Page title={title} tab>
      <p className="rb-text rb-muted">红袖章 · 在职党员到居住地社区报到</p>
      <RemoteStatus remote={home} />
      {me ? (
        <>
          <p className="rb-text">身份：{me.roles.map((role) => ROLE_LABELS[role]).join('、')}</p>
          {/* The person's own work comes first; the member card (for everyone) after it. */}
          {me.roles.includes('unitAdmin') ? (
            <Card title={me.adminUnit ? `单位党组织：${me.adminUnit.name}` : '单位党组织'}>
              {pending !== null ? (
                <p className="rb-text">
                  等待您确认<span className="rb-number">{pending}</span>人
                </p>
              ) : null}
              <LinkRow
                url="/subpackages/unit-admin/members/index"
                label={pending ? `党员身份确认（${pending}人等待）` : '党员身份确认'}
              />
              <LinkRow url="/subpackages/unit-admin/not-checked-in/index" label="未报到党员" />
            </Card>
          ) : null}
          {me.roles.includes('staff') ? (
            <Card title={me.staffCommunity ? `社区工作：${me.staffCommunity.name}` : '社区工作'}>
              <LinkRow url="/subpackages/staff/community-qr/index" label="社区报到码" />
            </Card>
          ) : null}
          <MemberStatusCard member={me.member} />
          <ScanEntry />
        </>
      ) : null}
    </Page>
  );
}
