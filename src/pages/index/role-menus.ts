import type { GrantView } from '../../../types';
import { call } from '../../api/client';
import type { RouteKey } from '../../routes';

type GrantedRole = GrantView['role'];
type GrantOf<R extends GrantedRole> = Extract<GrantView, { role: R }>;

export interface MenuLink {
  to: RouteKey;
  label: string;
}

/** Work waiting for the person, counted when their card shows; the count leads the card and labels one link. */
export interface MenuWaiting {
  count: () => Promise<number>;
  /** The line the count is said in: 「等待您确认 N 人」. */
  line: string;
  /** The link to that work. */
  link: RouteKey;
  /** What is counted: 人 unless said (条 for records). */
  unit?: string;
}

export interface RoleMenu<G extends GrantView = GrantView> {
  title: (grant: G) => string;
  waiting?: MenuWaiting;
  /** A role without links yet (its pages are still to come) shows no card. */
  links: MenuLink[];
}

/** 首页's card for each granted role, in the order the cards show: the person's own work before the member card. */
export const ROLE_MENUS: { [R in GrantedRole]: RoleMenu<GrantOf<R>> } = {
  unitAdmin: {
    title: ({ unit }) => `单位党组织：${unit.name}`,
    waiting: {
      count: async () => (await call('unit', 'listMembers', { status: 'unverified' })).members.length,
      line: '等待您确认',
      link: 'unitMembers',
    },
    links: [
      { to: 'unitMembers', label: '党员身份确认' },
      { to: 'notCheckedIn', label: '未报到党员' },
    ],
  },
  staff: {
    title: ({ community }) => `社区工作：${community.name}`,
    waiting: {
      count: async () => (await call('community', 'staffHome', {})).pendingCount,
      line: '等待认定',
      link: 'stampQueue',
      unit: '条',
    },
    links: [
      { to: 'staffHome', label: '社区工作台' },
      { to: 'stampQueue', label: '服务认定' },
      { to: 'staffOrders', label: '居民需求' },
      { to: 'escalatedOrders', label: '待督办需求' },
      { to: 'activities', label: '社区活动' },
      { to: 'board', label: '社区公示' },
      { to: 'communityQr', label: '社区报到码' },
    ],
  },
  countyAdmin: {
    title: () => '县委组织部',
    links: [
      { to: 'overdue', label: '超时未认定' },
      { to: 'ledger', label: '记录核验' },
    ],
  },
};

const ORDER = Object.keys(ROLE_MENUS) as GrantedRole[];

/** The person's grants that have a card, each with its menu, in the table's order. */
export function menusOf(grants: readonly GrantView[]): Array<{ grant: GrantView; menu: RoleMenu }> {
  return [...grants]
    .sort((a, b) => ORDER.indexOf(a.role) - ORDER.indexOf(b.role))
    .map((grant) => ({ grant, menu: ROLE_MENUS[grant.role] as RoleMenu }))
    .filter(({ menu }) => menu.links.length > 0);
}
