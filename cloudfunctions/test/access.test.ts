import type { TestCloud } from 'wx-local-cloud/testing';
import {
  ERRORS,
  type Access,
  type ActionName,
  type ErrorCode,
  type FunctionName,
  type Grant,
  type RequestOf,
} from '../../types';
import { aMember, aPost, aUser, anActivity, insert } from './fixtures';
import { call, registration, seedCounty, startFunctionsCloud } from './helpers';

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
