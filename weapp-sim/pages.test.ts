import { join } from 'node:path';
import { Readable } from 'node:stream';
import { PNG } from 'pngjs';
import type { TestCloud } from 'wx-local-cloud/testing';
import { ok, registration, seedCounty, startFunctionsCloud, verifiedMember } from '../cloudfunctions/test/helpers';
import { chinaTime, greeting } from '../domain/time';
import { ROUTES, type RouteKey } from '../src/routes';
import { type ActivitySecretDoc, ERRORS } from '../types';
import { anActivity, insert } from '../cloudfunctions/test/fixtures';
import { anOrder } from '../cloudfunctions/test/order/setup';
import { withApp } from './harness';
import { readAppJson } from './harness/app-json';

/*
 * Every page of the real weapp build opens for every person who can reach it — from a menu, a tab, a scanned code or
 * a shared link — shows its navigation-bar title, its h1 and content that only that person's data gives, and logs no
 * error (the harness fails the case on any console.error or warn; jest on an uncaught error or unhandled rejection).
 */

/** Whose phone it is: the OPENID of each kind of person (set up in beforeAll through the real functions). */
const PEOPLE = {
  /** No member record, no grant. */
  resident: 'resident-1',
  /** Registered in 县财政局 (U01), waiting for the unit admin. */
  pending: 'pending-1',
  /** Registered, confirmed by U01's admin, checked in at 东街社区 (C01). */
  member: 'member-101',
  /** 李社工, staff of C01 (seedCounty). */
  staff: 'staff-C01',
  /** 王书记, unit admin of U01 (seedCounty). */
  unitAdmin: 'admin-U01',
  /** 周部长, the county admin (seedCounty). */
  county: 'county',
} as const;
type Role = keyof typeof PEOPLE;
const ROLES = Object.keys(PEOPLE) as Role[];

const PENDING_NAME = '陈待定';
/** A real 2×2 PNG, as a phone's photo would be stored. */
const TINY_PNG = PNG.sync.write(new PNG({ width: 2, height: 2 }));
/** verifiedMember names a member 党员 and the last three characters of the openid. */
const MEMBER_NAME = '党员101';

/** 首页's h1: the greeting of the hour, then the person's name once getMe has answered with one. */
interface Greeting {
  greets: string | null;
}
type Heading = string | Greeting;

interface Visit {
  /** The navigation bar's title for this person, when the page names itself after what it shows. */
  title?: string;
  /** The page's h1 for this person, when it is not the page's own heading. */
  heading?: Heading;
  /** Text the page shows only once it has this person's data (or the refusal it gives them). */
  content: readonly string[];
  /** Text a refused person must not see. */
  absent?: readonly string[];
}

interface PageRow {
  /** The navigation bar's title (the page's config). */
  title: string;
  /** The query the page is opened with, as a code or a link would open it. */
  query?: string;
  /** The page's h1, unless each visit says its own. */
  heading?: string;
  visits: Partial<Record<Role, Visit>>;
}

const everyone = (visit: Visit): Record<Role, Visit> =>
  Object.fromEntries(ROLES.map((role) => [role, visit])) as Record<Role, Visit>;

/** What a page whose data is refused to this person shows (useRemote's FORBIDDEN), and none of the data. */
const refused = (...absent: string[]): Visit => ({ content: [ERRORS.PAGE_NOT_FOR_YOU], absent });

/** Check-in page for anyone who has not registered: the community, and the way to register. */
const checkInUnregistered: Visit = { content: ['地址：东街 1 号', '请先注册为在职党员，单位党组织确认后即可报到。'] };
/** The empty registration form, for anyone with no member record. */
const emptyForm: Visit = { heading: '在职党员注册', content: ['点此选择工作单位', '提交注册'] };

/** A current activity of C01, stored directly (the pages read it; activity.save's own tests cover making one). */
const ACTIVITY_ID = 'act-weapp-pages';
const ACTIVITY_TITLE = '周末楼道清洁';
const ACTIVITY_AT = Date.now();
const activity = anActivity({
  _id: ACTIVITY_ID,
  title: ACTIVITY_TITLE,
  place: '东街社区活动室',
  startsAt: ACTIVITY_AT - 10 * 60_000,
  endsAt: ACTIVITY_AT + 2 * 3_600_000,
  createdAt: ACTIVITY_AT,
  updatedAt: ACTIVITY_AT,
});
const activitySecret: ActivitySecretDoc = { _id: ACTIVITY_ID, secret: 'ab'.repeat(32) };

/** member-101's claimed post and their report on it, waiting in C01's stamp queue (set up in beforeAll). */
const REPORT_POST_KIND = '环境维护岗';
const REPORT_POST_DUTY = '每周六上午清理楼道杂物';
const REPORT_TEXT = '清理三单元楼道杂物';

/** member-101 holds a post of C01 and has reported an hour on it yesterday, with a photo of their own. */
async function reportOnPost(t: TestCloud): Promise<void> {
  const now = t.cloud.clock.now();
  const { post } = await ok(t, PEOPLE.staff, 'post', 'save', {
    kind: REPORT_POST_KIND,
    duty: REPORT_POST_DUTY,
    forWhom: '东街社区居民',
    capacity: 5,
    until: now + 7 * 86_400_000,
  });
  await ok(t, PEOPLE.member, 'post', 'claim', { postId: post.id });
  const photo = await t.cloud.storage.save('uploads/pages/report.png', Readable.from([TINY_PNG]), {
    owner: PEOPLE.member,
    contentType: 'image/png',
  });
  const startAt = chinaTime(now).subtract(1, 'day').startOf('day').add(9, 'hour').valueOf();
  await ok(t, PEOPLE.member, 'record', 'report', {
    postId: post.id,
    startAt,
    endAt: startAt + 3_600_000,
    description: REPORT_TEXT,
    photos: [photo.fileID],
  });
}

/** Requests of C01 for staff's pages and the board (stored directly; the order functions' own tests make them). */
const STAFF_ORDER_TEXT = '帮忙换一下客厅的灯泡';
const UNTAKEN_ORDER_TEXT = '想请人教我用手机挂号';

async function seedStaffOrders(t: TestCloud): Promise<void> {
  const now = t.cloud.clock.now();
  await anOrder(t, {
    _id: 'O-pages-submitted',
    kind: '维修',
    text: STAFF_ORDER_TEXT,
    compound: '幸福小区',
    createdAt: now - 3_600_000,
    updatedAt: now - 3_600_000,
    wantedBy: now + 2 * 86_400_000,
  });
  await anOrder(t, {
    _id: 'O-pages-untaken',
    kind: '技术培训',
    text: UNTAKEN_ORDER_TEXT,
    compound: '和平小区',
    status: 'published',
    createdAt: now - 80 * 3_600_000,
    updatedAt: now - 72 * 3_600_000,
    publishedAt: now - 72 * 3_600_000,
    reviewedBy: PEOPLE.staff,
    reviewedByName: '李社工',
    wantedBy: now + 5 * 86_400_000,
  });
}

/** member-101 took a request of C01 (the 点单 pages' own rows; stored directly, as above). */
const UNTAKEN_ORDER_ID = 'O-pages-untaken';
const TAKEN_ORDER_ID = 'O-pages-taken';
const TAKEN_ORDER_TEXT = '帮忙把旧报纸搬下楼';

async function seedTakenOrder(t: TestCloud): Promise<void> {
  const now = t.cloud.clock.now();
  await anOrder(t, {
    _id: TAKEN_ORDER_ID,
    text: TAKEN_ORDER_TEXT,
    compound: '团结小区',
    status: 'taken',
    createdAt: now - 5 * 3_600_000,
    updatedAt: now - 3_600_000,
    publishedAt: now - 4 * 3_600_000,
    reviewedBy: PEOPLE.staff,
    reviewedByName: '李社工',
    takerId: PEOPLE.member,
    takerName: MEMBER_NAME,
    takerPhoneMasked: '138****0101',
    takenAt: now - 3_600_000,
    wantedBy: now + 3 * 86_400_000,
  });
}

const PAGES = {
  home: {
    title: '首页',
    visits: {
      resident: { heading: { greets: null }, content: ['身份：居民', '注册为在职党员'] },
      pending: { heading: { greets: PENDING_NAME }, content: ['身份：居民', `${PENDING_NAME}（县财政局）待确认`] },
      member: { heading: { greets: MEMBER_NAME }, content: ['身份：居民、在职党员', '报到社区：东街社区'] },
      staff: { heading: { greets: '李社工' }, content: ['身份：居民、社区工作人员', '社区工作：东街社区'] },
      unitAdmin: { heading: { greets: '王书记' }, content: ['单位党组织：县财政局', '等待您确认1人'] },
      county: { heading: { greets: '周部长' }, content: ['身份：居民、县委组织部管理员'] },
    },
  },
  posts: {
    title: '岗位',
    heading: '岗位',
    visits: {
      resident: { content: ['您还没有报到的社区', '注册为在职党员'] },
      pending: { content: ['您还没有报到的社区', '去首页扫码报到'] },
      member: {
        content: [
          '东街社区（城关镇）的服务岗位',
          REPORT_POST_DUTY,
          `${MEMBER_NAME}（县财政局）`,
          '我已认领',
          '退出岗位',
        ],
        absent: ['发布岗位'],
      },
      staff: {
        content: ['发布岗位', REPORT_POST_DUTY, `${MEMBER_NAME}（县财政局）`, '编辑', '结束'],
        absent: ['退出岗位'],
      },
      unitAdmin: { content: ['您还没有报到的社区', '注册为在职党员'] },
      county: { content: ['您还没有报到的社区', '注册为在职党员'] },
    },
  },
  postEdit: {
    title: '发布岗位',
    heading: '发布岗位',
    visits: {
      staff: { content: ['岗位类别', '点此选择岗位类别', '为谁服务', '点此选择日期', '发布岗位'] },
      member: refused('点此选择岗位类别'),
    },
  },
  orders: {
    title: '点单',
    heading: '点单',
    visits: {
      resident: {
        content: ['我要点单', '我的需求', STAFF_ORDER_TEXT, '等待社区审核', UNTAKEN_ORDER_TEXT, '久未领办', '社区公示'],
        absent: ['可领办的需求', '居民需求（社区审核）'],
      },
      pending: { content: ['我要点单', '您还没有点过单', '社区公示'], absent: ['可领办的需求', '我领办的需求'] },
      member: {
        content: [
          '您还没有点过单',
          '可领办的需求',
          UNTAKEN_ORDER_TEXT,
          '和平小区',
          '查看全部可领办的需求',
          '我领办的需求',
        ],
        absent: ['居民需求（社区审核）', '13900001111'],
      },
      staff: { content: ['您还没有点过单', '居民需求（社区审核）'], absent: ['我领办的需求'] },
      unitAdmin: { content: ['我要点单', '您还没有点过单'] },
      county: { content: ['我要点单', '您还没有点过单'] },
    },
  },
  mine: {
    title: '我的',
    heading: '我的',
    visits: {
      resident: { content: ['姓名未填写', '您还没有登记为在职党员。'] },
      pending: { content: [`姓名${PENDING_NAME}`, '身份状态待确认'] },
      member: { content: [`姓名${MEMBER_NAME}`, '身份状态已确认', '等待认定1条', '我的活动证'] },
      staff: { content: ['姓名李社工', '社区工作人员'] },
      unitAdmin: { content: ['姓名王书记', '单位党组织管理员'] },
      county: { content: ['姓名周部长', '县委组织部管理员'] },
    },
  },
  checkIn: {
    title: '社区报到',
    query: 'scene=C01',
    heading: '东街社区',
    visits: {
      resident: checkInUnregistered,
      pending: { content: ['地址：东街 1 号', '等待单位党组织确认'] },
      member: { content: ['已报到', '活动证号：'] },
      staff: checkInUnregistered,
      unitAdmin: checkInUnregistered,
      county: checkInUnregistered,
    },
  },
  register: {
    title: '在职党员注册',
    visits: {
      resident: emptyForm,
      pending: { title: '修改登记信息', heading: '修改登记信息', content: ['县财政局', '保存修改'] },
      member: { title: '修改登记信息', heading: '修改登记信息', content: ['您的党员身份已经确认。', '保存修改'] },
      staff: emptyForm,
      unitAdmin: emptyForm,
      county: emptyForm,
    },
  },
  myData: {
    title: '我的信息',
    heading: '我的信息',
    visits: {
      resident: { content: ['系统里没有保存您的个人信息。'] },
      pending: { content: [`姓名${PENDING_NAME}`, '删除我的个人信息'] },
      member: { content: ['王书记确认了党员身份', '发放社区东街社区'] },
      staff: { content: ['工作身份', '姓名李社工'] },
      unitAdmin: { content: ['工作身份', '姓名王书记'] },
      county: { content: ['工作身份', '姓名周部长'] },
    },
  },
  notFound: { title: '页面不存在', heading: '页面不存在', visits: everyone({ content: ['您要打开的页面不存在'] }) },
  communityQr: {
    title: '社区报到码',
    heading: '社区报到码',
    visits: {
      staff: { content: ['东街社区', '请党员用微信扫码报到'] },
      // Not on their menus, but a forwarded link opens it.
      resident: refused('东街社区'),
      member: refused('东街社区'),
      unitAdmin: refused('东街社区'),
    },
  },
  unitMembers: {
    title: '党员身份确认',
    heading: '党员身份确认',
    visits: {
      unitAdmin: { content: ['县财政局：等待确认1人，已确认1人', PENDING_NAME] },
      resident: refused(PENDING_NAME),
      pending: refused(PENDING_NAME),
      staff: refused(PENDING_NAME),
    },
  },
  notCheckedIn: {
    title: '未报到党员',
    heading: '未报到党员',
    visits: {
      unitAdmin: { content: ['县财政局：尚未报到1人', PENDING_NAME] },
      resident: refused(PENDING_NAME),
      pending: refused(PENDING_NAME),
      staff: refused(PENDING_NAME),
    },
  },
  activities: {
    title: '社区活动',
    heading: '社区活动',
    visits: {
      member: { content: ['东街社区', ACTIVITY_TITLE, '报名0/20人', '报名'] },
      staff: { content: [ACTIVITY_TITLE, '发布活动', '签到码', '签到情况'] },
    },
  },
  activityEdit: {
    title: '发布活动',
    heading: '发布活动',
    visits: { staff: { content: ['活动名称', '签到码刷新间隔（秒）', '不关联岗位'] } },
  },
  activityCode: {
    title: '活动签到码',
    query: `id=${ACTIVITY_ID}`,
    heading: '活动签到码',
    visits: {
      staff: { content: [ACTIVITY_TITLE, '秒后更换', '已签到0人'] },
      member: refused('秒后更换'),
    },
  },
  attendance: {
    title: '活动签到情况',
    query: `id=${ACTIVITY_ID}`,
    heading: '活动签到情况',
    visits: {
      staff: { content: [ACTIVITY_TITLE, '还没有人签到', '代为登记签到'] },
      member: refused('代为登记签到'),
    },
  },
  signIn: {
    title: '活动签到',
    heading: '活动签到',
    visits: {
      member: { content: ['请扫描现场工作人员手机上的签到码', '扫码签到'] },
      resident: { content: ['请扫描现场工作人员手机上的签到码', '扫码签到'] },
    },
  },
  report: {
    title: '记录服务',
    heading: '记录服务',
    visits: {
      member: { content: [`${REPORT_POST_KIND}：${REPORT_POST_DUTY}`, '添加照片', '提交记录'] },
      staff: { content: ['您还没有认领岗位，认领后才能记录岗位上的服务'] },
    },
  },
  stampQueue: {
    title: '服务认定',
    heading: '服务认定',
    visits: {
      staff: { content: ['等待认定1条', MEMBER_NAME, REPORT_TEXT, '认定所选（0）', '退回'] },
      member: refused(REPORT_TEXT),
      county: refused(REPORT_TEXT),
    },
  },
  serviceCard: {
    title: '我的活动证',
    heading: '我的活动证',
    visits: {
      member: {
        content: [
          MEMBER_NAME,
          '工作单位县财政局',
          '报到社区东街社区',
          '年度目标48小时',
          REPORT_POST_KIND,
          '等待认定1条',
        ],
      },
      pending: { content: [PENDING_NAME, '活动证号报到后发放', '还没有认定的服务'] },
      resident: { content: [ERRORS.NOT_REGISTERED] },
    },
  },
  myRecords: {
    title: '我的服务记录',
    heading: '我的服务记录',
    visits: { member: { content: ['等待认定', REPORT_TEXT, '没有未通过的记录。', '还没有认定的记录。'] } },
  },
  staffHome: {
    title: '社区工作台',
    heading: '社区工作台',
    visits: {
      staff: {
        content: [
          '今天的活动',
          ACTIVITY_TITLE,
          '等待认定1条',
          '在本社区报到1人',
          '查看谁已报到',
          '等待审核1条',
          '需要督办1条',
          '订阅每日待办提醒',
        ],
      },
      member: refused(ACTIVITY_TITLE),
    },
  },
  communityMembers: {
    title: '已报到党员',
    heading: '已报到党员',
    visits: {
      staff: { content: [MEMBER_NAME, '县财政局', REPORT_POST_KIND, '今年服务0小时'] },
      member: refused(REPORT_POST_KIND),
    },
  },
  overdue: {
    title: '超时未认定',
    heading: '超时未认定',
    visits: { county: { content: ['没有超时未认定的记录'] }, staff: refused('没有超时未认定的记录') },
  },
  ledger: {
    title: '记录核验',
    heading: '记录核验',
    visits: { county: { content: ['开始核验', '找出在系统之外被改动、删除或直接写入的记录'] } },
  },
  staffOrders: {
    title: '居民需求',
    heading: '居民需求',
    visits: {
      staff: { content: ['待审核', '维修', STAFF_ORDER_TEXT, '小区：幸福小区', '代居民点单'] },
      member: refused(STAFF_ORDER_TEXT),
      resident: refused(STAFF_ORDER_TEXT),
    },
  },
  escalatedOrders: {
    title: '待督办需求',
    heading: '待督办需求',
    visits: {
      staff: { content: [UNTAKEN_ORDER_TEXT, '久未领办', '发布超过48小时无人领办：已发布3天'] },
      member: refused(UNTAKEN_ORDER_TEXT),
    },
  },
  orderOnBehalf: {
    title: '代居民点单',
    heading: '代居民点单',
    visits: {
      staff: { content: ['提交后直接发布给本社区的党员', '居民的联系方式', '点此选择需求类别', '代居民发布需求'] },
    },
  },
  board: {
    title: '社区公示',
    heading: '社区公示',
    visits: {
      staff: { content: ['东街社区', '本月办结', UNTAKEN_ORDER_TEXT, REPORT_POST_DUTY], absent: [STAFF_ORDER_TEXT] },
      member: {
        content: ['东街社区', '等待领办的需求（1件）', UNTAKEN_ORDER_TEXT, `${MEMBER_NAME}·县财政局`],
        absent: [STAFF_ORDER_TEXT, '13900001111'],
      },
      resident: { content: ['还不知道您在哪个社区', '填写居住信息'] },
    },
  },
  residentProfile: {
    title: '我的居民资料',
    heading: '我的居民资料',
    visits: {
      resident: {
        content: ['填写我的资料', '微信手机号快捷填写', '点此选择社区', '小区', '楼栋', '单元', '房号', '保存'],
        absent: ['删除我的资料', '我们保存的信息'],
      },
      member: { content: ['填写我的资料', '点此选择社区'], absent: ['删除我的资料'] },
    },
  },
  orderPost: {
    title: '我要点单',
    heading: '我要点单',
    visits: { resident: { content: ['第一次点单，请先留下您的姓名、电话和住址。', '填写我的资料'] } },
  },
  orderDetail: {
    title: '需求详情',
    query: `id=${UNTAKEN_ORDER_ID}`,
    heading: '需求详情',
    visits: {
      resident: {
        content: [UNTAKEN_ORDER_TEXT, '等待党员领办', '久未领办', '撤回需求'],
        absent: ['我来领办', '居民联系方式'],
      },
      member: {
        content: [UNTAKEN_ORDER_TEXT, '和平小区', '我来领办'],
        absent: ['撤回需求', '居民联系方式', '13900001111', '3栋2单元501'],
      },
      staff: { content: [UNTAKEN_ORDER_TEXT, '居民联系方式', '王大妈', '13900001111'], absent: ['我来领办'] },
      pending: { content: [ERRORS.ORDER_NOT_FOUND], absent: [UNTAKEN_ORDER_TEXT] },
    },
  },
  orderDone: {
    title: '办结登记',
    query: `id=${TAKEN_ORDER_ID}`,
    heading: '办结登记',
    visits: {
      member: { content: [TAKEN_ORDER_TEXT, '办理情况', '添加照片', '开始时间', '提交办理情况'] },
      staff: { content: ['这个需求现在不需要您登记办结。'], absent: ['提交办理情况'] },
    },
  },
  openOrders: {
    title: '可领办的需求',
    heading: '可领办的需求',
    visits: {
      member: { content: [UNTAKEN_ORDER_TEXT, '和平小区', '久未领办'], absent: [TAKEN_ORDER_TEXT, '13900001111'] },
    },
  },
  takenOrders: {
    title: '我领办的需求',
    heading: '我领办的需求',
    visits: {
      member: { content: [TAKEN_ORDER_TEXT, '党员正在办理', '团结小区'], absent: [UNTAKEN_ORDER_TEXT] },
      pending: { content: [ERRORS.NOT_VERIFIED], absent: [TAKEN_ORDER_TEXT] },
    },
  },
} satisfies Record<RouteKey, PageRow>;

const CASES = (Object.entries(PAGES) as [RouteKey, PageRow][]).flatMap(([key, row]) =>
  (Object.entries(row.visits) as [Role, Visit][]).map(([role, visit]) => ({
    route: ROUTES[key].path,
    role,
    url: row.query ? `${ROUTES[key].path}?${row.query}` : ROUTES[key].path,
    title: visit.title ?? row.title,
    heading: visit.heading ?? row.heading,
    content: visit.content,
    absent: visit.absent ?? [],
  })),
);

/** The h1 expected at `at`: 首页's greeting depends on the hour (China time). */
function expectedHeading(heading: Heading | undefined, at: number): string {
  if (heading === undefined) throw new Error('the table gives this visit no heading');
  if (typeof heading === 'string') return heading;
  return heading.greets ? `${greeting(at)}，${heading.greets}` : greeting(at);
}

let t: TestCloud;
beforeAll(async () => {
  t = await startFunctionsCloud();
  await seedCounty(t);
  await ok(t, PEOPLE.pending, 'user', 'register', registration({ name: PENDING_NAME, unitId: 'U01' }));
  await verifiedMember(t, PEOPLE.member, 'U01');
  await ok(t, PEOPLE.member, 'checkin', 'checkIn', { communityId: 'C01' });
  await reportOnPost(t);
  await insert(t.db, 'activities', activity);
  await insert(t.db, 'activitySecrets', activitySecret);
  await seedStaffOrders(t);
  await seedTakenOrder(t);
});
afterAll(() => t.close());

test("the table lists every page of the build's app.json, main package and subpackages", () => {
  const listed = (Object.keys(PAGES) as RouteKey[]).map((key) => ROUTES[key].path.replace(/^\//, ''));
  expect(listed.sort()).toEqual([...readAppJson(join(__dirname, '..', 'dist')).pages].sort());
});

test.each(CASES)('$route opens for $role', async ({ role, url, title, heading, content, absent }) => {
  const before = Date.now();
  await withApp({ cloud: t.cloud, openid: PEOPLE[role], url }, async (app) => {
    const after = Date.now();
    expect(app.page.title).toBe(title);
    expect([expectedHeading(heading, before), expectedHeading(heading, after)]).toContain(app.page.heading);
    const text = app.page.text();
    for (const piece of content) expect(text).toContain(piece);
    for (const piece of absent) expect(text).not.toContain(piece);
  });
});

test('opening 首页 as a confirmed member asks user.getMe once (issue 9, item 6)', async () => {
  await withApp({ cloud: t.cloud, openid: PEOPLE.member, url: ROUTES.home.path }, async (app) => {
    const getMe = app.records.calls.filter((call) => call.name === 'user' && call.action === 'getMe');
    expect(getMe).toEqual([{ name: 'user', action: 'getMe', ok: true }]);
  });
});
