import { ROLE_LABELS } from '../../../types';
import { Loaded } from '../../components/Loaded';
import { MemberStatusCard } from './MemberStatusCard';
import { ClaimPrompt } from './ClaimPrompt';
import { Page } from '../../components/Page';
import { ScanEntry } from './ScanEntry';
import { useMe } from '../../hooks/me';
import { greeting } from '../../../domain/time';
import { RoleMenuCard } from './RoleMenuCard';
import { menusOf } from './role-menus';

export default function HomePage() {
  const me = useMe();
  const name = me.data?.name;
  const title = name ? `${greeting()}，${name}` : greeting();

  return (
    <Page title={title} tab>
      <p className="rb-text rb-muted">红袖章 · 在职党员到居住地社区报到</p>
      <Loaded remote={me}>
        {(me) => (
          <>
            <p className="rb-text">身份：{me.roles.map((role) => ROLE_LABELS[role]).join('、')}</p>
            {/* The person's own work comes first; the member card (for everyone) after it. */}
            {menusOf(me.grants).map(({ grant, menu }, i) => (
              <RoleMenuCard key={`${grant.role}-${i}`} grant={grant} menu={menu} />
            ))}
            <MemberStatusCard member={me.member} />
            <ClaimPrompt member={me.member} />
            <ScanEntry />
          </>
        )}
      </Loaded>
    </Page>
  );
}
