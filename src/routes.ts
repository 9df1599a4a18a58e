import { CHECK_IN_PAGE, SIGN_IN_PAGE } from '../types';

export interface Route {
  /** The page's path as Taro's navigation APIs take it (leading slash). */
  path: string;
  /** A tab-bar page: opened with switchTab, never navigateTo. */
  tab: boolean;
}

/** Every page of the app (src/app.config.ts lists the same pages; src/routes.test.ts keeps the two agreeing). */
export const ROUTES = {
  home: { path: '/pages/index/index', tab: true },
  posts: { path: '/pages/posts/index', tab: true },
  orders: { path: '/pages/orders/index', tab: true },
  mine: { path: '/pages/mine/index', tab: true },
  checkIn: { path: `/${CHECK_IN_PAGE}`, tab: false },
  register: { path: '/pages/register/index', tab: false },
  myData: { path: '/pages/my-data/index', tab: false },
  notFound: { path: '/pages/not-found/index', tab: false },
  communityQr: { path: '/subpackages/staff/community-qr/index', tab: false },
  unitMembers: { path: '/subpackages/unit-admin/members/index', tab: false },
  notCheckedIn: { path: '/subpackages/unit-admin/not-checked-in/index', tab: false },
  activities: { path: '/subpackages/service/activities/index', tab: false },
  report: { path: '/subpackages/service/report/index', tab: false },
  serviceCard: { path: '/subpackages/service/card/index', tab: false },
  myRecords: { path: '/subpackages/service/records/index', tab: false },
  staffHome: { path: '/subpackages/staff/home/index', tab: false },
  postEdit: { path: '/subpackages/staff/post-edit/index', tab: false },
  activityEdit: { path: '/subpackages/staff/activity-edit/index', tab: false },
  activityCode: { path: '/subpackages/staff/activity-code/index', tab: false },
  attendance: { path: '/subpackages/staff/attendance/index', tab: false },
  stampQueue: { path: '/subpackages/staff/queue/index', tab: false },
  communityMembers: { path: '/subpackages/staff/members/index', tab: false },
  overdue: { path: '/subpackages/county/overdue/index', tab: false },
  ledger: { path: '/subpackages/county/ledger/index', tab: false },
  signIn: { path: `/${SIGN_IN_PAGE}`, tab: false },
  residentProfile: { path: '/subpackages/orders/profile/index', tab: false },
  orderPost: { path: '/subpackages/orders/post/index', tab: false },
  orderDetail: { path: '/subpackages/orders/detail/index', tab: false },
  orderDone: { path: '/subpackages/orders/done/index', tab: false },
  openOrders: { path: '/subpackages/orders/open/index', tab: false },
  takenOrders: { path: '/subpackages/orders/taken/index', tab: false },
  board: { path: '/subpackages/orders/board/index', tab: false },
  staffOrders: { path: '/subpackages/staff/orders/index', tab: false },
  escalatedOrders: { path: '/subpackages/staff/escalated/index', tab: false },
  orderOnBehalf: { path: '/subpackages/staff/order-on-behalf/index', tab: false },
} as const satisfies Record<string, Route>;

export type RouteKey = keyof typeof ROUTES;

/** The check-in page of one community, as its QR code opens it (the scene is the community id). */
export function checkInUrl(communityId: string): string {
  return `${ROUTES.checkIn.path}?scene=${encodeURIComponent(communityId)}`;
}
