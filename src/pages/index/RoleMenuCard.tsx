import type { GrantView } from '../../../types';
import { Card } from '../../components/Card';
import { LinkRow } from '../../components/LinkRow';
import { useRemote } from '../../hooks/use-remote';
import type { MenuWaiting, RoleMenu } from './role-menus';

/** How many wait, or null when it could not be counted (the card still shows its links). */
function useWaitingCount(waiting: MenuWaiting | undefined): number | null {
  const counted = useRemote(async () => (waiting ? waiting.count().catch(() => null) : null));
  return counted.data ?? null;
}

/** 首页: one granted role's card, its title naming where the role applies. */
export function RoleMenuCard({ grant, menu }: { grant: GrantView; menu: RoleMenu }) {
  const { waiting } = menu;
  const count = useWaitingCount(waiting);
  return (
    <Card title={menu.title(grant)}>
      {waiting && count !== null ? (
        <p className="rb-text">
          {waiting.line}
          <span className="rb-number">{count}</span>
          {waiting.unit ?? '人'}
        </p>
      ) : null}
      {menu.links.map(({ to, label }) => (
        <LinkRow
          key={to}
          to={to}
          label={count && to === waiting?.link ? `${label}（${count}${waiting?.unit ?? '人'}等待）` : label}
        />
      ))}
    </Card>
  );
}
