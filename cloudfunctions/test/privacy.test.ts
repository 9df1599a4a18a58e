import type { TestCloud } from 'wx-local-cloud/testing';
import type {
  ActionName,
  CallResult,
  FunctionName,
  OrderContactInput,
  OrderListFilter,
  RequestOf,
  ResponseOf,
} from '../../types';
import { aUser, anActivity, insert } from './fixtures';
import { call, ok, registration, seedCounty, startFunctionsCloud, storedDoc } from './helpers';

/**
 * The privacy scan (issue 11): residents and members with known phones and doors, requests in every state made through
 * the real actions, then every reading action of every function called as every kind of person. No answer may hold a
 * full phone number or a door address, except the one request's detail for its taker and its community's staff, and a
 * person's own data read by themselves.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** 14:00 China time on Wednesday 10 June 2026. */
const T0 = Date.UTC(2026, 5, 10, 6, 0);

/** A mobile number standing alone (not part of a longer number such as a 13-digit timestamp). */
const PHONE = /(?<!\d)1[3-9]\d{9}(?!\d)/g;
/** A room number as a profile or contact would carry it. */
const ROOM_FIELD = /"room":"([^"]*)"/g;

/** Everyone the scan calls as, by the kind of person they are. */
const PEOPLE = {
  resident: 'p-resident',
  otherResident: 'p-resident2',
  member: 'p-member',
  taker: 'p-taker',
  memberElsewhere: 'p-member-c02',
  staff: 'staff-C01',
  otherStaff: 'staff-C02',
  unitAdmin: 'admin-U01',
  county: 'county',
} as const;
type Person = keyof typeof PEOPLE;

/** The residents' profiles, as saved through order.saveProfile: distinctive phones and doors. */
const RESIDENTS = {
  [PEOPLE.resident]: { name: '陈阿姨', phone: '13977770001', building: '9栋', unit: '8单元', room: '707' },
  [PEOPLE.otherResident]: { name: '刘大爷', phone: '13977770002', building: '6栋', unit: '2单元', room: '1203' },
} as const;
/** A resident without a smartphone, whose request staff post for them. */
const OFFLINE: OrderContactInput = {
  name: '孙奶奶',
  phone: '13977770003',
  compound: '幸福小区',
  building: '3栋',
  unit: '1单元',
  room: '101',
};
/** The members' registered phones. */
const MEMBER_PHONES = {
  [PEOPLE.member]: '13977770011',
  [PEOPLE.taker]: '13977770012',
  [PEOPLE.memberElsewhere]: '13977770013',
} as const;
/** Every door the scan seeded, written out as a contact carries it. */
const DOORS = ['9栋8单元707', '6栋2单元1203', '3栋1单元101'];

/** The requests of the scan, one per state (plus one released and given back, and one posted on behalf). */
const ORDERS = [
  'submitted',
  'published',
  'taken',
  'done',
  'rated',
  'rejected',
  'merged',
  'cancelled',
  'released',
  'onBehalf',
  'otherResident',
] as const;
type OrderName = (typeof ORDERS)[number];

/** What the scan knows when it builds requests: the ids of the requests and of the activity. */
interface Seeded {
  orders: Record<OrderName, string>;
  activityId: string;
}

/** A reading action: the requests to send it (each sent by everyone). */
interface Read<F extends FunctionName, A extends ActionName<F>> {
  requests: (seeded: Seeded) => Array<RequestOf<F, A>>;
  /** It answers the caller's own personal data (their phone and door may be in it when they ask for themselves). */
  ownData?: true;
  /** Fields that hold an image or a secret key, not text about a person (left out before the scan reads the answer). */
  notText?: string[];
}
/** An action that changes something: not scanned as a read; the reason says so. */
interface Write {
  write: string;
}

const FILTERS: OrderListFilter[] = ['submitted', 'published', 'taken', 'done', 'finished', 'closed'];
const none = () => [{}];
const paged = () => [{}, { limit: 50 }];

/**
 * Every action of every function, typed over the contract: a new action does not compile until it is named here, as a
 * read to scan or a write that is not.
 */
const SCAN: { [F in FunctionName]: { [A in ActionName<F>]: Read<F, A> | Write } } = {
  user: {
    getMe: { requests: none, ownData: true },
    getMyData: { requests: none, ownData: true },
    register: { write: 'registers the caller' },
    deleteMyData: { write: 'deletes the caller’s data' },
  },
  unit: {
    list: { requests: none },
    listMembers: { requests: () => [{}, { status: 'verified' }] },
    listNotCheckedIn: { requests: none },
    verifyMember: { write: 'a decision' },
  },
  community: {
    list: { requests: none },
    get: { requests: () => [{ communityId: 'C01' }, { communityId: 'C02' }] },
    getQrCode: { requests: none, notText: ['image'] },
    staffHome: { requests: none },
    listCheckedIn: { requests: paged },
  },
  checkin: {
    getMine: { requests: none },
    checkIn: { write: 'checks the caller in' },
  },
  post: {
    list: { requests: () => [{}, { communityId: 'C01', includeClosed: true }, { communityId: 'C02' }] },
    save: { write: 'staff publish a post' },
    close: { write: 'staff close a post' },
    claim: { write: 'a member claims a post' },
    leave: { write: 'a member leaves a post' },
  },
  activity: {
    list: { requests: () => [{}, { communityId: 'C01' }] },
    get: { requests: ({ activityId }) => [{ activityId }] },
    attendance: { requests: ({ activityId }) => [{ activityId }] },
    getCodeKey: { requests: ({ activityId }) => [{ activityId }], notText: ['secret'] },
    save: { write: 'staff publish an activity' },
    signUp: { write: 'a member signs up' },
    scan: { write: 'a member signs in or out' },
    holdCode: { write: 'holds a scanned code' },
    recordAttendance: { write: 'staff record attendance' },
  },
  record: {
    listMine: { requests: () => [{}, { status: 'awaitingRating' }, { status: 'pending' }] },
    queue: { requests: paged },
    overdue: { requests: paged },
    verifyLedger: { requests: none },
    report: { write: 'a member reports service' },
    confirm: { write: 'staff stamp records' },
    reject: { write: 'staff reject a record' },
    correct: { write: 'staff correct a record' },
  },
  card: {
    get: { requests: none },
    lines: { requests: paged },
  },
  order: {
    getProfile: { requests: none, ownData: true },
    listMine: { requests: paged },
    get: { requests: ({ orders }) => ORDERS.map((name) => ({ orderId: orders[name] })) },
    listForStaff: { requests: () => FILTERS.map((filter) => ({ filter, limit: 50 })) },
    escalated: { requests: paged },
    listOpen: { requests: paged },
    listTaken: { requests: paged },
    saveProfile: { write: 'the resident gives their profile' },
    deleteProfile: { write: 'the resident deletes their profile' },
    post: { write: 'the resident posts a request' },
    postOnBehalf: { write: 'staff post a request for a resident' },
    cancel: { write: 'the resident cancels' },
    publish: { write: 'staff publish' },
    merge: { write: 'staff merge' },
    reject: { write: 'staff reject' },
    take: { write: 'a member takes a request' },
    release: { write: 'the taker gives it back' },
    markDone: { write: 'the taker marks it done' },
    rate: { write: 'the resident rates it' },
    confirmDone: { write: 'staff confirm it done' },
  },
  board: {
    get: { requests: () => [{}, { communityId: 'C01' }, { communityId: 'C02' }] },
  },
  notify: {
    mine: { requests: none },
    subscribe: { write: 'records the caller’s subscriptions' },
  },
};

let t: TestCloud;
let seeded: Seeded;
/** Phones and doors found in the answers of the writes that seeded the scan, where their caller may not see them. */
const writeLeaks: string[] = [];

/**
 * A write of the seeding, through the real action; its answer is scanned too: a profile or registration answers the
 * caller's own data, and a take answers the request's contact to its new taker; nothing else may show any.
 */
async function wrote<F extends FunctionName, A extends ActionName<F>>(
  openid: string,
  fn: F,
  action: A,
  data: RequestOf<F, A>,
): Promise<ResponseOf<F, A>> {
  const answer = await call(t, openid, fn, action, data);
  if (!answer.ok) throw new Error(`${fn}.${action} refused: ${answer.code} ${answer.message}`);
  const own = (fn === 'order' && action === 'saveProfile') || (fn === 'user' && action === 'register');
  const allowed = [
    ...(own ? ownSecrets(openid) : []),
    ...(fn === 'order' && action === 'take' ? await contactSecrets(openid, (data as { orderId: string }).orderId) : []),
  ];
  for (const secret of leaks(answer, allowed)) writeLeaks.push(`${fn}.${action} as ${openid}: ${secret}`);
  return answer.data;
}

/** A request of the resident's, posted through the real action; answers its id. */
async function posted(openid: string, text: string): Promise<string> {
  const { order } = await wrote(openid, 'order', 'post', {
    kind: '生活帮扶',
    text,
    wantedBy: T0 + 2 * DAY,
    photos: [],
  });
  return order.id;
}

async function published(openid: string, text: string): Promise<string> {
  const id = await posted(openid, text);
  await wrote(PEOPLE.staff, 'order', 'publish', { orderId: id });
  return id;
}

async function taken(text: string): Promise<string> {
  const id = await published(PEOPLE.resident, text);
  await wrote(PEOPLE.taker, 'order', 'take', { orderId: id });
  return id;
}

/**
 * The taker's hour on the morning of T0's day, a different hour for each request (records may not overlap); the clock
 * moves on to its end (the seed starts at 07:00, so every take lies before the service it is done with).
 */
async function markedDone(id: string, hour: number): Promise<void> {
  const startAt = T0 - (14 - hour) * HOUR;
  t.cloud.clock.setTime(startAt + HOUR);
  await wrote(PEOPLE.taker, 'order', 'markDone', {
    orderId: id,
    note: '已经办好了',
    photos: [],
    startAt,
    endAt: startAt + HOUR - 60_000,
  });
}

async function seed(): Promise<Seeded> {
  await seedCounty(t);
  await insert(
    t.db,
    'users',
    aUser({ _id: PEOPLE.otherStaff, name: '吴社工', grants: [{ role: 'staff', communityId: 'C02' }] }),
  );
  for (const [openid, phone] of Object.entries(MEMBER_PHONES)) {
    await wrote(
      openid,
      'user',
      'register',
      registration({ name: `党员${openid.slice(-2)}`, phone, pledgePublic: true }),
    );
    await wrote('admin-U01', 'unit', 'verifyMember', { memberId: openid, decision: 'verify' });
    const communityId = openid === PEOPLE.memberElsewhere ? 'C02' : 'C01';
    await wrote(openid, 'checkin', 'checkIn', { communityId });
  }
  for (const [openid, profile] of Object.entries(RESIDENTS)) {
    await wrote(openid, 'order', 'saveProfile', { ...profile, communityId: 'C01', compound: '幸福小区' });
  }

  // Everyone who may be told something agreed to be, so the messages are really sent (and scanned).
  for (let i = 0; i < 6; i++) {
    await wrote(PEOPLE.resident, 'notify', 'subscribe', { accepted: ['orderTaken', 'orderDone'] });
    await wrote(PEOPLE.taker, 'notify', 'subscribe', { accepted: ['recordDecided'] });
  }
  await wrote(PEOPLE.staff, 'notify', 'subscribe', { accepted: ['dailyDigest'] });

  const r = PEOPLE.resident;
  const submitted = await posted(r, '想请人帮忙看看电视怎么调台');
  const publishedId = await published(r, '帮忙买一袋大米送上楼');
  const takenId = await taken('帮忙把旧家具搬下楼');
  const done = await taken('帮忙换一个厨房灯泡');
  await markedDone(done, 8);
  const rated = await taken('陪我去社区医院量血压');
  await markedDone(rated, 10);
  await wrote(r, 'order', 'rate', { orderId: rated, stars: 5, comment: '很耐心，谢谢' });
  const rejected = await posted(r, '帮我去银行取一笔钱');
  await wrote(PEOPLE.staff, 'order', 'reject', { orderId: rejected, reason: '涉及钱款，请您本人去办理' });
  const merged = await posted(r, '帮忙买一袋大米送到家');
  await wrote(PEOPLE.staff, 'order', 'merge', { orderId: merged, intoId: publishedId });
  const cancelled = await posted(r, '想请人帮忙修一下门锁');
  await wrote(r, 'order', 'cancel', { orderId: cancelled });
  const released = await taken('帮忙疏通一下下水道');
  await wrote(PEOPLE.taker, 'order', 'release', { orderId: released, reason: '临时有事去不了' });
  const { order: onBehalf } = await wrote(PEOPLE.staff, 'order', 'postOnBehalf', {
    kind: '生活帮扶',
    text: '帮孙奶奶取一下快递',
    wantedBy: T0 + DAY,
    photos: [],
    contact: OFFLINE,
  });
  await wrote(PEOPLE.taker, 'order', 'take', { orderId: onBehalf.id });
  await markedDone(onBehalf.id, 12);
  await wrote(PEOPLE.staff, 'order', 'confirmDone', { orderId: onBehalf.id, stars: null, comment: '孙奶奶说办好了' });
  const otherResident = await posted(PEOPLE.otherResident, '想找人教我用手机视频');

  // The staff-confirmed request's record stamped, so the taker's 活动证 has a line.
  const { recordId } = await storedDoc(t, 'orders', onBehalf.id);
  await wrote(PEOPLE.staff, 'record', 'confirm', { recordIds: [recordId] });

  await insert(t.db, 'activities', anActivity({ _id: 'p-activity', startsAt: T0 + HOUR, endsAt: T0 + 2 * HOUR }));
  await insert(t.db, 'activitySecrets', { _id: 'p-activity', secret: '00'.repeat(32) });
  return {
    orders: {
      submitted,
      published: publishedId,
      taken: takenId,
      done,
      rated,
      rejected,
      merged,
      cancelled,
      released,
      onBehalf: onBehalf.id,
      otherResident,
    },
    activityId: 'p-activity',
  };
}

beforeAll(async () => {
  t = await startFunctionsCloud();
  t.cloud.clock.setTime(T0 - 7 * HOUR);
  seeded = await seed();
  t.cloud.clock.setTime(T0);
}, 120_000);
afterAll(() => t.close());

/** The phones and doors a person may see of their own. */
function ownSecrets(openid: string): string[] {
  const resident = RESIDENTS[openid as keyof typeof RESIDENTS];
  const memberPhone = MEMBER_PHONES[openid as keyof typeof MEMBER_PHONES];
  return [
    ...(resident ? [resident.phone, `${resident.building}${resident.unit}${resident.room}`, resident.room] : []),
    ...(memberPhone ? [memberPhone] : []),
  ];
}

/** The contact a request's detail may show its caller: its taker and its community's staff only. */
async function contactSecrets(openid: string, orderId: string): Promise<string[]> {
  const order = await storedDoc(t, 'orders', orderId);
  const contact = await storedDoc(t, 'orderContacts', orderId);
  if (!order || !contact) return [];
  const staffOf = openid === PEOPLE.staff ? 'C01' : openid === PEOPLE.otherStaff ? 'C02' : null;
  const mayRead = order.takerId === openid || staffOf === order.communityId;
  return mayRead ? [contact.phone, contact.address] : [];
}

function withoutFields(value: unknown, fields: string[] = []): unknown {
  if (fields.length === 0 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => withoutFields(item, fields));
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => !fields.includes(key))
      .map(([key, item]) => [key, withoutFields(item, fields)]),
  );
}

/** The phones, doors and rooms in an answer that the caller may not see. */
function leaks(answer: CallResult<unknown>, allowed: string[], notText?: string[]): string[] {
  const text = JSON.stringify(withoutFields(answer, notText));
  const found = [
    ...[...text.matchAll(PHONE)].map((match) => match[0]),
    ...DOORS.filter((door) => text.includes(door)),
    ...[...text.matchAll(ROOM_FIELD)].map((match) => match[1]),
  ];
  return [...new Set(found)].filter((secret) => !allowed.includes(secret));
}

const READS = (Object.keys(SCAN) as FunctionName[]).flatMap((fn) =>
  Object.entries(SCAN[fn])
    .filter((entry): entry is [string, Read<FunctionName, never>] => 'requests' in entry[1])
    .map(([action, read]) => ({ name: `${fn}.${action}`, fn, action, read })),
);

describe('privacy scan', () => {
  test('the seeded requests are in every state', async () => {
    const statuses: Record<string, string> = {};
    for (const name of ORDERS) statuses[name] = (await storedDoc(t, 'orders', seeded.orders[name])).status;
    expect(statuses).toEqual({
      submitted: 'submitted',
      published: 'published',
      taken: 'taken',
      done: 'done',
      rated: 'rated',
      rejected: 'rejected',
      merged: 'merged',
      cancelled: 'cancelled',
      released: 'published',
      onBehalf: 'rated',
      otherResident: 'submitted',
    });
  });

  test.each(READS)('$name shows no phone or door to anyone but who may see it', async ({ fn, action, read }) => {
    const found: string[] = [];
    let answered = 0;
    for (const [person, openid] of Object.entries(PEOPLE) as Array<[Person, string]>) {
      for (const request of read.requests(seeded)) {
        const answer = await call(t, openid, fn, action as never, request);
        if (answer.ok) answered += 1;
        const allowed = [
          ...(read.ownData ? ownSecrets(openid) : []),
          ...(fn === 'order' && action === 'get'
            ? await contactSecrets(openid, (request as { orderId: string }).orderId)
            : []),
        ];
        for (const secret of leaks(answer, allowed, read.notText)) {
          found.push(`${fn}.${action} as ${person} ${JSON.stringify(request)}: ${secret}`);
        }
      }
    }
    expect(found).toEqual([]);
    // Someone could read it: a scan of refusals only would prove nothing.
    expect(answered).toBeGreaterThan(0);
  });

  test('the answers of the writes that made them show no phone or door but the caller’s own and the taker’s contact', () => {
    expect(writeLeaks).toEqual([]);
  });

  test('no subscribe message carries a phone or a door', () => {
    const messages = t.cloud.outbox.list();
    expect(messages.length).toBeGreaterThan(0);
    const found = messages.flatMap((message) => leaks({ ok: true, data: message }, []));
    expect(found).toEqual([]);
  });

  test('the exception holds: the taker and the community’s staff read the contact; nobody else does', async () => {
    const contactOf = async (openid: string, name: OrderName) => {
      const answer = await call(t, openid, 'order', 'get', { orderId: seeded.orders[name] });
      return answer.ok ? answer.data.order.contact : null;
    };
    const resident = RESIDENTS[PEOPLE.resident];
    expect(await contactOf(PEOPLE.taker, 'taken')).toMatchObject({ phone: resident.phone, address: '9栋8单元707' });
    expect(await contactOf(PEOPLE.staff, 'submitted')).toMatchObject({ phone: resident.phone });
    expect(await contactOf(PEOPLE.staff, 'onBehalf')).toMatchObject({ phone: OFFLINE.phone, address: '3栋1单元101' });
    for (const openid of [PEOPLE.member, PEOPLE.otherStaff, PEOPLE.memberElsewhere, PEOPLE.county]) {
      expect(await contactOf(openid, 'published')).toBeNull();
    }
    // Given back: the member who released it reads no more than any member.
    expect(await contactOf(PEOPLE.taker, 'released')).toBeNull();
  });

  test('a resident who deleted their profile is read by nobody, staff included', async () => {
    const gone = RESIDENTS[PEOPLE.otherResident];
    await ok(t, PEOPLE.otherResident, 'order', 'deleteProfile', { confirm: true });
    const found: string[] = [];
    for (const { name, fn, action, read } of READS) {
      for (const openid of Object.values(PEOPLE)) {
        for (const request of read.requests(seeded)) {
          const text = JSON.stringify(await call(t, openid, fn, action as never, request));
          if (text.includes(gone.phone) || text.includes('6栋2单元1203')) found.push(`${name} as ${openid}`);
        }
      }
    }
    expect(found).toEqual([]);
  });
});
