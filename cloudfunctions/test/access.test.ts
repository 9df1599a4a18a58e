import type { TestCloud } from 'wx-local-cloud/testing';
import {
  ERRORS,
  type Access,
  type ActionName,
  type ErrorCode,
  type FunctionName,
  type Grant,
  type OrderInput,
  type RequestOf,
} from '../../types';
import { aMember, aPost, aUser, anActivity, insert } from './fixtures';
import { call, registration, seedCounty, startFunctionsCloud } from './helpers';
import { PUBLISHED, anOrderDoc } from './order/setup';

/** The kinds of caller every action is tried with. */
const CALLERS = [
  'resident',
  'unverifiedMember',
  'rejectedMember',
  'verifiedMember',
  'staff',
  'unitAdmin',
  'countyAdmin',
] as const;
type Caller = (typeof CALLERS)[number];

interface Entry<F extends FunctionName, A extends ActionName<F>> {
  access: Access;
  /** A request the action accepts. */
  valid: RequestOf<F, A>;
  /** Callers the action itself refuses for a state of theirs that is not an access level; every other call succeeds. */
  refusedInRun?: Partial<Record<Caller, ErrorCode>>;
}

/** Signed-in callers who never registered as members (the staff and admins of the test are not members). */
const NOT_A_MEMBER = {
  resident: 'NOT_REGISTERED',
  staff: 'NOT_REGISTERED',
  unitAdmin: 'NOT_REGISTERED',
  countyAdmin: 'NOT_REGISTERED',
} as const satisfies Partial<Record<Caller, ErrorCode>>;

/** A request the order actions accept (wanted tomorrow: the table runs on the real clock). */
const ACCESS_ORDER_INPUT: OrderInput = {
  kind: '生活帮扶',
  text: '帮忙买一袋大米送上楼',
  wantedBy: Date.now() + 86_400_000,
  photos: [],
};

/** Who may call each action; an action missing here (or one the contract no longer has) fails to compile. */
const TABLE: { [F in FunctionName]: { [A in ActionName<F>]: Entry<F, A> } } = {
  user: {
    getMe: { access: 'signedIn', valid: {} },
    register: { access: 'signedIn', valid: registration(), refusedInRun: { rejectedMember: 'MEMBER_REJECTED' } },
    getMyData: { access: 'signedIn', valid: {} },
    deleteMyData: {
      access: 'signedIn',
      valid: { confirm: true },
      refusedInRun: {
        resident: 'NOT_REGISTERED',
        staff: 'FORBIDDEN',
        unitAdmin: 'FORBIDDEN',
        countyAdmin: 'FORBIDDEN',
      },
    },
  },
  unit: {
    list: { access: 'signedIn', valid: {} },
    listMembers: { access: 'unitAdmin', valid: { status: 'unverified' } },
    verifyMember: { access: 'unitAdmin', valid: { memberId: 'access-target', decision: 'verify' } },
    listNotCheckedIn: { access: 'unitAdmin', valid: {} },
  },
  community: {
    list: { access: 'signedIn', valid: {} },
    get: { access: 'signedIn', valid: { communityId: 'C01' } },
    getQrCode: { access: 'staff', valid: {} },
    staffHome: { access: 'staff', valid: {} },
    listCheckedIn: { access: 'staff', valid: { limit: 20 } },
  },
  card: {
    get: { access: 'signedIn', valid: {}, refusedInRun: NOT_A_MEMBER },
    lines: { access: 'signedIn', valid: {}, refusedInRun: NOT_A_MEMBER },
  },
  record: {
    report: {
      access: 'member',
      valid: {
        postId: 'access-post',
        startAt: Date.UTC(2026, 0, 5, 2),
        endAt: Date.UTC(2026, 0, 5, 3),
        description: '打扫楼道卫生',
        photos: ['cloud://access.photo/a.jpg'],
      },
      refusedInRun: { verifiedMember: 'NOT_CHECKED_IN_HERE' },
    },
    listMine: {
      access: 'signedIn',
      valid: { status: 'pending' },
      refusedInRun: {
        resident: 'NOT_REGISTERED',
        staff: 'NOT_REGISTERED',
        unitAdmin: 'NOT_REGISTERED',
        countyAdmin: 'NOT_REGISTERED',
      },
    },
    queue: { access: 'staff', valid: { limit: 20 } },
    confirm: { access: 'staff', valid: { recordIds: ['access-record'] }, refusedInRun: { staff: 'RECORD_NOT_FOUND' } },
    reject: {
      access: 'staff',
      valid: { recordId: 'access-record', reason: '照片看不清' },
      refusedInRun: { staff: 'RECORD_NOT_FOUND' },
    },
    correct: {
      access: 'staff',
      valid: {
        recordId: 'access-record',
        startAt: Date.UTC(2026, 0, 5, 2),
        endAt: Date.UTC(2026, 0, 5, 3),
        note: '结束时间记错了',
      },
      refusedInRun: { staff: 'RECORD_NOT_FOUND' },
    },
    overdue: { access: 'countyAdmin', valid: { limit: 20 } },
    verifyLedger: { access: 'countyAdmin', valid: {} },
  },
  post: {
    list: { access: 'signedIn', valid: {} },
    save: {
      access: 'staff',
      valid: {
        kind: '环境维护岗',
        duty: '清理楼道杂物',
        forWhom: '社区居民',
        capacity: 5,
        until: Date.now() + 86_400_000,
      },
    },
    close: { access: 'staff', valid: { postId: 'access-post' } },
    claim: {
      access: 'member',
      valid: { postId: 'access-post' },
      refusedInRun: { verifiedMember: 'NOT_CHECKED_IN_HERE' },
    },
    leave: { access: 'member', valid: { postId: 'access-post' }, refusedInRun: { verifiedMember: 'NOT_CLAIMED' } },
  },
  activity: {
    list: { access: 'signedIn', valid: {} },
    get: { access: 'signedIn', valid: { activityId: 'access-activity' } },
    save: {
      access: 'staff',
      valid: {
        title: '清理楼道杂物',
        place: '东街1号院',
        startsAt: Date.now() + 3_600_000,
        endsAt: Date.now() + 7_200_000,
        geo: null,
        capacity: 20,
        postId: null,
      },
    },
    signUp: {
      access: 'member',
      valid: { activityId: 'access-activity' },
      refusedInRun: { verifiedMember: 'NOT_CHECKED_IN_HERE' },
    },
    getCodeKey: { access: 'staff', valid: { activityId: 'access-activity' } },
    scan: { access: 'member', valid: { code: 'not-a-code' }, refusedInRun: { verifiedMember: 'CODE_INVALID' } },
    holdCode: {
      access: 'signedIn',
      valid: { code: 'not-a-code' },
      refusedInRun: Object.fromEntries(CALLERS.map((caller) => [caller, 'CODE_INVALID'])),
    },
    attendance: { access: 'staff', valid: { activityId: 'access-activity' } },
    recordAttendance: {
      access: 'staff',
      valid: {
        activityId: 'access-activity',
        memberId: 'access-attendee',
        signedInAt: Date.UTC(2026, 0, 5, 2),
        signedOutAt: Date.UTC(2026, 0, 5, 3),
      },
      refusedInRun: { staff: 'NOT_CHECKED_IN_HERE' },
    },
  },
  board: {
    get: { access: 'signedIn', valid: {} },
  },
  notify: {
    subscribe: { access: 'signedIn', valid: { accepted: ['recordDecided'] } },
    mine: { access: 'signedIn', valid: {} },
  },
  order: {
    getProfile: { access: 'signedIn', valid: {} },
    saveProfile: {
      access: 'signedIn',
      valid: {
        name: '王大妈',
        phone: '13900001111',
        communityId: 'C01',
        compound: '幸福小区',
        building: '3栋',
        unit: '2单元',
        room: '501',
      },
    },
    deleteProfile: { access: 'signedIn', valid: { confirm: true } },
    // The callers of the table have no resident profile (saveProfile's callers are others).
    post: {
      access: 'signedIn',
      valid: ACCESS_ORDER_INPUT,
      refusedInRun: Object.fromEntries(CALLERS.map((caller) => [caller, 'PROFILE_NEEDED'])),
    },
    postOnBehalf: {
      access: 'staff',
      valid: {
        ...ACCESS_ORDER_INPUT,
        contact: {
          name: '孙大爷',
          phone: '13900002222',
          compound: '幸福小区',
          building: '1栋',
          unit: '1单元',
          room: '101',
        },
      },
    },
    listMine: { access: 'signedIn', valid: {} },
    // access-order is published in C01 by another resident; the table's member is checked in nowhere.
    get: {
      access: 'signedIn',
      valid: { orderId: 'access-order' },
      refusedInRun: Object.fromEntries(
        CALLERS.filter((caller) => caller !== 'staff').map((caller) => [caller, 'ORDER_NOT_FOUND']),
      ),
    },
    cancel: {
      access: 'signedIn',
      valid: { orderId: 'access-order' },
      refusedInRun: Object.fromEntries(
        CALLERS.map((caller) => [caller, caller === 'staff' ? 'NOT_RESIDENT' : 'ORDER_NOT_FOUND']),
      ),
    },
    listForStaff: { access: 'staff', valid: { filter: 'submitted' } },
    // Publishing a published request again answers it as it is.
    publish: { access: 'staff', valid: { orderId: 'access-order' } },
    merge: {
      access: 'staff',
      valid: { orderId: 'access-order', intoId: 'access-order-2' },
      refusedInRun: { staff: 'ORDER_STATE' },
    },
    reject: {
      access: 'staff',
      valid: { orderId: 'access-order', reason: '重复的需求' },
      refusedInRun: { staff: 'ORDER_STATE' },
    },
    escalated: { access: 'staff', valid: {} },
    listOpen: { access: 'member', valid: {}, refusedInRun: { verifiedMember: 'NOT_CHECKED_IN_HERE' } },
    listTaken: { access: 'member', valid: {} },
    take: {
      access: 'member',
      valid: { orderId: 'access-order' },
      refusedInRun: { verifiedMember: 'NOT_CHECKED_IN_HERE' },
    },
    release: {
      access: 'member',
      valid: { orderId: 'access-order', reason: '临时有事' },
      refusedInRun: { verifiedMember: 'NOT_TAKER' },
    },
    markDone: {
      access: 'member',
      valid: {
        orderId: 'access-order',
        note: '已经买好送到家',
        photos: [],
        startAt: Date.UTC(2026, 0, 5, 2),
        endAt: Date.UTC(2026, 0, 5, 3),
      },
      refusedInRun: { verifiedMember: 'NOT_TAKER' },
    },
    rate: {
      access: 'signedIn',
      valid: { orderId: 'access-order', stars: 5, comment: '很好' },
      refusedInRun: Object.fromEntries(CALLERS.map((caller) => [caller, 'NOT_RESIDENT'])),
    },
    confirmDone: {
      access: 'staff',
      valid: { orderId: 'access-order', stars: null, comment: '' },
      refusedInRun: { staff: 'ORDER_STATE' },
    },
  },
  checkin: {
    checkIn: { access: 'member', valid: { communityId: 'C01' } },
    getMine: {
      access: 'signedIn',
      valid: {},
      refusedInRun: {
        resident: 'NOT_REGISTERED',
        staff: 'NOT_REGISTERED',
        unitAdmin: 'NOT_REGISTERED',
        countyAdmin: 'NOT_REGISTERED',
      },
    },
  },
};

/** The refusal dispatch answers a caller who lacks `access`, or null when they have it. */
function accessRefusal(access: Access, caller: Caller): ErrorCode | null {
  switch (access) {
    case 'signedIn':
      return null;
    case 'member':
      if (caller === 'verifiedMember') return null;
      if (caller === 'unverifiedMember') return 'NOT_VERIFIED';
      if (caller === 'rejectedMember') return 'MEMBER_REJECTED';
      return 'NOT_REGISTERED';
    default:
      return caller === access ? null : 'FORBIDDEN';
  }
}

const GRANTS: Partial<Record<Caller, Grant>> = {
  staff: { role: 'staff', communityId: 'C01' },
  unitAdmin: { role: 'unitAdmin', unitId: 'U01' },
  countyAdmin: { role: 'countyAdmin' },
};
const MEMBER_STATUS = {
  unverifiedMember: 'unverified',
  rejectedMember: 'rejected',
  verifiedMember: 'verified',
} as const;

/** Fresh callers of every kind for one action, so that what one call changes cannot decide another's answer. */
async function callersFor(t: TestCloud, label: string): Promise<Record<Caller, string>> {
  const ids = Object.fromEntries(CALLERS.map((caller) => [caller, `${label}-${caller}`])) as Record<Caller, string>;
  for (const [caller, status] of Object.entries(MEMBER_STATUS) as Array<
    [Caller, (typeof MEMBER_STATUS)[keyof typeof MEMBER_STATUS]]
  >) {
    await insert(t.db, 'members', aMember({ _id: ids[caller], status }));
  }
  for (const [caller, grant] of Object.entries(GRANTS) as Array<[Caller, Grant]>) {
    await insert(t.db, 'users', aUser({ _id: ids[caller], grants: [grant] }));
  }
  return ids;
}

const ACTIONS = (Object.keys(TABLE) as FunctionName[]).flatMap((fn) =>
  Object.entries(TABLE[fn]).map(([action, entry]) => ({ fn, action, entry: entry as Entry<FunctionName, never> })),
);

let t: TestCloud;
beforeAll(async () => {
  t = await startFunctionsCloud();
  await seedCounty(t);
  await insert(t.db, 'members', aMember({ _id: 'access-target', status: 'unverified' }));
  // Confirmed, checked in nowhere: staff may not record attendance for them here.
  await insert(t.db, 'members', aMember({ _id: 'access-attendee', status: 'verified' }));
  await insert(t.db, 'posts', aPost({ _id: 'access-post' }));
  await insert(t.db, 'activities', anActivity({ _id: 'access-activity' }));
  await insert(t.db, 'activitySecrets', { _id: 'access-activity', secret: '00'.repeat(32) });
  await insert(t.db, 'orders', anOrderDoc({ _id: 'access-order', residentId: 'access-resident', ...PUBLISHED }));
  await insert(t.db, 'orders', anOrderDoc({ _id: 'access-order-2', residentId: 'access-resident', ...PUBLISHED }));
});
afterAll(() => t.close());

describe.each(ACTIONS)('$fn.$action', ({ fn, action, entry }) => {
  test(`is open to ${entry.access} exactly`, async () => {
    const ids = await callersFor(t, `${fn}-${action}`);
    for (const caller of CALLERS) {
      const result = await call(t, ids[caller], fn, action as never, entry.valid);
      const refused = accessRefusal(entry.access, caller);
      const inRun = entry.refusedInRun?.[caller];
      const said = `${fn}.${action} as ${caller}`;
      if (refused)
        expect({ said, result }).toEqual({ said, result: { ok: false, code: refused, message: ERRORS[refused] } });
      else if (inRun) expect({ said, result }).toMatchObject({ said, result: { ok: false, code: inRun } });
      else expect({ said, result }).toMatchObject({ said, result: { ok: true } });
    }
  });

  test('refuses a call without identity', async () => {
    const { outcome } = await t.cloud.invoke(fn, { action, data: entry.valid }, {});
    expect(outcome).toMatchObject({ ok: true, result: { ok: false, code: 'NOT_SIGNED_IN' } });
  });
});
