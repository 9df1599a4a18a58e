import type { TestCloud } from 'wx-local-cloud/testing';
import { ERRORS } from '../../../types';
import { codeStep, makeCode } from '../../../domain/sign-in-code';
import { tallyKeys } from '../../../domain/tallies';
import { insert } from '../fixtures';
import { auditOf, call, ok, snapshot, storedDoc } from '../helpers';
import {
  HOUR,
  MINUTE,
  MORNING,
  T0,
  aPending,
  anActivity,
  anAttendance,
  ledgerOf,
  memberOnPost,
  memberTotals,
  reported,
  startRecordCloud,
  withPost,
} from './setup';
import { readTalliesDirect } from './tallies';

let t: TestCloud;
beforeAll(async () => {
  t = await startRecordCloud();
  await withPost(t);
  await memberOnPost(t, 'm-a');
  await memberOnPost(t, 'm-b', 'U02');
});
afterAll(() => t.close());
afterEach(() => t.cloud.clock.setTime(T0));

async function refusedWith(openid: string, action: 'confirm' | 'reject' | 'correct', data: unknown, code: string) {
  const before = await snapshot(t);
  const result = await call(t, openid, 'record', action, data);
  expect(result).toMatchObject({ ok: false, code });
  expect(await snapshot(t)).toBe(before);
}

test('staff see their queue with the evidence, and a confirmation counts once, chained and logged', async () => {
  const id = await reported(t, 'm-b', MORNING, 80);
  const queue = await ok(t, 'staff-C01', 'record', 'queue', {});
  const item = queue.items.find((entry) => entry.id === id);
  expect(item).toMatchObject({
    memberName: '党员m-b',
    unitName: '县教育局',
    phoneMasked: expect.stringMatching(/^\d{3}\*{4}\d{4}$/),
    own: false,
    highlight: false,
    stillSignedIn: false,
    minutes: 80,
  });
  expect(queue.pendingCount).toBeGreaterThanOrEqual(1);
  // The member's photo is theirs alone to read: staff see it through the address the function hands out.
  expect(item?.photoUrls).toHaveLength(1);
  const photo = await fetch(item?.photoUrls?.[0] ?? '');
  expect(photo.status).toBe(200);
  expect(
    Buffer.from(await photo.arrayBuffer())
      .subarray(1, 4)
      .toString(),
  ).toBe('PNG');
  // Staff of another community see none of it.
  const elsewhere = await ok(t, 'staff-C02', 'record', 'queue', {});
  expect(elsewhere.items.map((entry) => entry.id)).not.toContain(id);

  const ledgerBefore = await ledgerOf(t);
  const result = await ok(t, 'staff-C01', 'record', 'confirm', { recordIds: [id, id] });
  expect(result).toEqual({ results: [{ recordId: id, outcome: 'confirmed' }], confirmed: 1 });
  expect(await storedDoc(t, 'serviceRecords', id)).toMatchObject({
    status: 'confirmed',
    decidedBy: 'staff-C01',
    decidedByName: '李社工',
    ledgerSeq: ledgerBefore.headSeq + 1,
  });
  expect(await ledgerOf(t)).toEqual({ entries: ledgerBefore.entries + 1, headSeq: ledgerBefore.headSeq + 1 });
  expect(await memberTotals(t, 'm-b')).toEqual({ all: { minutes: 80, records: 1 }, year: { minutes: 80, records: 1 } });
  const [unitQuarter, communityQuarter, postHalf] = await readTalliesDirect(t, [
    tallyKeys.unitQuarter('U02', MORNING),
    tallyKeys.communityQuarter('C01', MORNING),
    tallyKeys.memberPostHalf('m-b', 'P01', MORNING),
  ]);
  expect(unitQuarter).toEqual({ minutes: 80, records: 1 });
  expect(communityQuarter.minutes).toBeGreaterThanOrEqual(80);
  expect(postHalf).toEqual({ minutes: 80, records: 1 });
  expect(await auditOf(t, id)).toMatchObject([{ action: 'record.confirm', actorId: 'staff-C01' }]);

  // Final: stamping again, or rejecting, is refused and changes nothing.
  await refusedWith('staff2-C01', 'confirm', { recordIds: [id] }, 'ALREADY_STAMPED');
  await refusedWith('staff2-C01', 'reject', { recordId: id, reason: '重复记录' }, 'ALREADY_STAMPED');
  const mine = await ok(t, 'm-b', 'record', 'listMine', { status: 'confirmed' });
  expect(mine.items[0]).toMatchObject({ id, status: 'confirmed', decidedByName: '李社工' });
});

test('a batch is refused whole, before any write, for a missing record, another community or the own record', async () => {
  const good = await reported(t, 'm-a', MORNING + 2 * HOUR, 30);
  await insert(
    t.db,
    'serviceRecords',
    aPending('r-c02', 'm-c02', MORNING, 30, { communityId: 'C02' }),
    aPending('r-own', 'staff-C01', MORNING, 30),
  );
  await refusedWith('staff-C01', 'confirm', { recordIds: [good, 'r-none'] }, 'RECORD_NOT_FOUND');
  await refusedWith('staff-C01', 'confirm', { recordIds: [good, 'r-c02'] }, 'NOT_YOUR_COMMUNITY');
  await refusedWith('staff-C01', 'confirm', { recordIds: [good, 'r-own'] }, 'OWN_RECORD');
  await refusedWith('staff-C01', 'reject', { recordId: 'r-own', reason: '自己的记录' }, 'OWN_RECORD');
  await refusedWith('staff-C01', 'reject', { recordId: 'r-c02', reason: '不是本社区' }, 'NOT_YOUR_COMMUNITY');
  await refusedWith('staff-C01', 'confirm', { recordIds: [] }, 'INVALID_INPUT');
  await refusedWith('staff-C01', 'confirm', { recordIds: Array(51).fill(good) }, 'INVALID_INPUT');
  await refusedWith('staff-C01', 'reject', { recordId: good, reason: '差' }, 'INVALID_INPUT');
  // The own record is shown, marked, to the staff member it belongs to.
  const queue = await ok(t, 'staff-C01', 'record', 'queue', { limit: 50 });
  expect(queue.items.find((entry) => entry.id === 'r-own')).toMatchObject({ own: true });
});

test('a rejection with a reason the member sees is final and logged', async () => {
  const id = await reported(t, 'm-a', MORNING + 3 * HOUR, 30);
  const { record } = await ok(t, 'staff2-C01', 'record', 'reject', { recordId: id, reason: '照片与服务内容不符' });
  expect(record).toMatchObject({ status: 'rejected', rejectReason: '照片与服务内容不符', decidedByName: '陈社工' });
  expect(await auditOf(t, id)).toMatchObject([{ action: 'record.reject', actorId: 'staff2-C01' }]);
  const mine = await ok(t, 'm-a', 'record', 'listMine', { status: 'rejected' });
  expect(mine.items.map((item) => item.rejectReason)).toContain('照片与服务内容不符');
  await refusedWith('staff-C01', 'confirm', { recordIds: [id] }, 'ALREADY_STAMPED');
  expect(await memberTotals(t, 'm-a')).toEqual({ all: { minutes: 0, records: 0 }, year: { minutes: 0, records: 0 } });
});

test('an attendance waits while the activity is on; a forgotten sign-out is stamped closed at the end', async () => {
  const activity = anActivity({ _id: 'A-forgot', startsAt: T0 - HOUR, endsAt: T0 + HOUR });
  await insert(t.db, 'activities', activity);
  await insert(t.db, 'serviceRecords', anAttendance('m-a', activity, T0 - 50 * MINUTE));
  const recordId = 'att-A-forgot-m-a';
  let queue = await ok(t, 'staff-C01', 'record', 'queue', { limit: 50 });
  expect(queue.items.find((entry) => entry.id === recordId)).toMatchObject({ stillSignedIn: true, highlight: false });
  expect(await ok(t, 'staff-C01', 'record', 'confirm', { recordIds: [recordId] })).toEqual({
    results: [{ recordId, outcome: 'stillSignedIn' }],
    confirmed: 0,
  });
  await refusedWith('staff-C01', 'reject', { recordId, reason: '没有签退' }, 'SIGNED_IN_STILL');

  t.cloud.clock.setTime(T0 + 3 * HOUR);
  queue = await ok(t, 'staff-C01', 'record', 'queue', { limit: 50 });
  expect(queue.items.find((entry) => entry.id === recordId)).toMatchObject({
    stillSignedIn: false,
    waitingHours: 2,
    attendance: { signedOutAt: null, signOutMissing: true },
  });
  const before = await memberTotals(t, 'm-a');
  await ok(t, 'staff-C01', 'record', 'confirm', { recordIds: [recordId] });
  expect(await storedDoc(t, 'serviceRecords', recordId)).toMatchObject({
    status: 'confirmed',
    minutes: 110,
    creditMinutes: 110,
    endAt: activity.endsAt,
    attendance: { signedOutAt: null, signOutMissing: true },
  });
  expect((await memberTotals(t, 'm-a')).all.minutes).toBe(before.all.minutes + 110);
});

test('pending over 48 h is highlighted; over 96 h the county admin sees it', async () => {
  const id = await reported(t, 'm-b', MORNING + 3 * HOUR, 20);
  const since = (await storedDoc(t, 'serviceRecords', id)).createdAt as number;
  t.cloud.clock.setTime(since + 47 * HOUR);
  let item = (await ok(t, 'staff-C01', 'record', 'queue', { limit: 50 })).items.find((entry) => entry.id === id);
  expect(item).toMatchObject({ highlight: false, waitingHours: 47 });
  expect((await ok(t, 'county', 'record', 'overdue', {})).items.map((entry) => entry.recordId)).not.toContain(id);

  t.cloud.clock.setTime(since + 49 * HOUR);
  const queue = await ok(t, 'staff-C01', 'record', 'queue', { limit: 50 });
  item = queue.items.find((entry) => entry.id === id);
  expect(item).toMatchObject({ highlight: true, waitingHours: 49 });
  expect(queue.highlightCount).toBeGreaterThanOrEqual(1);
  expect(queue.oldestPendingAt).toBeLessThanOrEqual(since);

  t.cloud.clock.setTime(since + 97 * HOUR);
  const overdue = await ok(t, 'county', 'record', 'overdue', {});
  expect(overdue.items.find((entry) => entry.recordId === id)).toMatchObject({
    community: { id: 'C01', name: '东街社区' },
    memberName: '党员m-b',
    minutes: 20,
    waitingHours: 97,
  });
});

test('the queue, the staff home and the county list measure a wait alike: from the sign-out, or from the end', async () => {
  const { activity } = await ok(t, 'staff-C01', 'activity', 'save', {
    title: '楼道清扫日',
    place: '三单元楼下',
    startsAt: T0 + HOUR,
    endsAt: T0 + 3 * HOUR,
    geo: null,
    capacity: 10,
    postId: null,
  });
  const key = await ok(t, 'staff-C01', 'activity', 'getCodeKey', { activityId: activity.id });
  const scanAt = async (openid: string, at: number) => {
    t.cloud.clock.setTime(at);
    return ok(t, openid, 'activity', 'scan', {
      code: makeCode(activity.id, codeStep(at, key.codeSeconds), key.secret),
    });
  };
  await scanAt('m-a', T0 + HOUR + 5 * MINUTE);
  await scanAt('m-b', T0 + HOUR + 6 * MINUTE);
  expect((await scanAt('m-a', T0 + 2 * HOUR)).outcome).toBe('signedOut');
  // m-a has waited since signing out (T0 + 2 h); m-b, who never signed out, since the activity ended (T0 + 3 h).
  const signedOut = `att-${activity.id}-m-a`;
  const forgotten = `att-${activity.id}-m-b`;

  t.cloud.clock.setTime(T0 + 3 * HOUR + 47.5 * HOUR);
  let queue = await ok(t, 'staff-C01', 'record', 'queue', { limit: 50 });
  expect(queue.items.find((entry) => entry.id === signedOut)).toMatchObject({ waitingHours: 48, highlight: true });
  expect(queue.items.find((entry) => entry.id === forgotten)).toMatchObject({ waitingHours: 47, highlight: false });
  let home = await ok(t, 'staff-C01', 'community', 'staffHome', {});
  expect(home).toMatchObject({
    pendingCount: queue.pendingCount,
    oldestPendingAt: queue.oldestPendingAt,
    highlightCount: queue.highlightCount,
  });

  t.cloud.clock.setTime(T0 + 3 * HOUR + 96.5 * HOUR);
  queue = await ok(t, 'staff-C01', 'record', 'queue', { limit: 50 });
  home = await ok(t, 'staff-C01', 'community', 'staffHome', {});
  expect(home).toMatchObject({
    pendingCount: queue.pendingCount,
    oldestPendingAt: queue.oldestPendingAt,
    highlightCount: queue.highlightCount,
  });
  const overdue = await ok(t, 'county', 'record', 'overdue', { limit: 50 });
  expect(overdue.items.find((entry) => entry.recordId === signedOut)).toMatchObject({ waitingHours: 97 });
  expect(overdue.items.find((entry) => entry.recordId === forgotten)).toMatchObject({ waitingHours: 96 });
});

test('a correction is a new record that points to the original; confirming it lowers the hours by the difference', async () => {
  await memberOnPost(t, 'm-fix');
  const original = await reported(t, 'm-fix', MORNING, 120);
  await refusedWith(
    'staff-C01',
    'correct',
    { recordId: original, startAt: MORNING, endAt: MORNING + 90 * MINUTE, note: '多记了半小时' },
    'NOT_CONFIRMED',
  );
  await ok(t, 'staff-C01', 'record', 'confirm', { recordIds: [original] });
  expect((await memberTotals(t, 'm-fix')).all).toEqual({ minutes: 120, records: 1 });

  const request = { recordId: original, startAt: MORNING, endAt: MORNING + 90 * MINUTE, note: '结束时间记错了' };
  const { record } = await ok(t, 'staff-C01', 'record', 'correct', request);
  expect(record).toMatchObject({
    source: 'correction',
    status: 'pending',
    correctsId: original,
    minutes: 90,
    byStaff: true,
    recordedByName: '李社工',
  });
  expect(record.id).toMatch(/^fix-[0-9a-f]{20}$/);
  expect(await storedDoc(t, 'serviceRecords', record.id)).toMatchObject({ creditMinutes: -30, memberId: 'm-fix' });
  expect(await auditOf(t, original)).toMatchObject([{ action: 'record.confirm' }, { action: 'record.correct' }]);
  await refusedWith('staff2-C01', 'correct', request, 'ALREADY_CORRECTED');

  // Rejected, it may be made again; confirmed, the totals move by the difference and the original stays as it was.
  await ok(t, 'staff2-C01', 'record', 'reject', { recordId: record.id, reason: '时间还是不对' });
  await ok(t, 'staff-C01', 'record', 'correct', { ...request, endAt: MORNING + 100 * MINUTE });
  const originalBefore = await storedDoc(t, 'serviceRecords', original);
  await ok(t, 'staff2-C01', 'record', 'confirm', { recordIds: [record.id] });
  expect((await memberTotals(t, 'm-fix')).all).toEqual({ minutes: 100, records: 1 });
  expect(await storedDoc(t, 'serviceRecords', original)).toEqual(originalBefore);
  await refusedWith('staff-C01', 'correct', request, 'ALREADY_CORRECTED');
  // A correction keeps the rules of time, except that it may overlap what it corrects.
  await refusedWith('staff-C01', 'correct', { ...request, recordId: record.id, endAt: T0 + HOUR }, 'TIME_IN_FUTURE');
});

test('50 concurrent confirmations of one record count it once', async () => {
  await memberOnPost(t, 'm-once');
  const id = await reported(t, 'm-once', MORNING, 45);
  const ledgerBefore = await ledgerOf(t);
  const results = await Promise.all(
    Array.from({ length: 50 }, (_, i) =>
      call(t, i % 2 === 0 ? 'staff-C01' : 'staff2-C01', 'record', 'confirm', { recordIds: [id] }),
    ),
  );
  const confirmed = results.filter((result) => result.ok && result.data.confirmed === 1);
  expect(confirmed).toHaveLength(1);
  for (const result of results) {
    if (result.ok) expect(result.data.results[0].outcome).toMatch(/^(confirmed|alreadyDecided)$/);
    else expect(result).toMatchObject({ code: 'ALREADY_STAMPED', message: ERRORS.ALREADY_STAMPED });
  }
  expect(await memberTotals(t, 'm-once')).toEqual({
    all: { minutes: 45, records: 1 },
    year: { minutes: 45, records: 1 },
  });
  expect(await ledgerOf(t)).toEqual({ entries: ledgerBefore.entries + 1, headSeq: ledgerBefore.headSeq + 1 });
  expect(await auditOf(t, id)).toHaveLength(1);
});

test('two staff confirming overlapping batches of 50 at once count each record once', async () => {
  const members = ['m-p1', 'm-p2', 'm-p3', 'm-p4', 'm-p5'];
  const day = MORNING - 2 * 86_400_000;
  const records = Array.from({ length: 80 }, (_, i) =>
    aPending(
      `batch-${String(i).padStart(2, '0')}`,
      members[i % 5],
      day - 8 * HOUR + Math.floor(i / 5) * 30 * MINUTE,
      20 + (i % 7),
    ),
  );
  await insert(t.db, 'serviceRecords', ...records);
  const ids = records.map((record) => record._id);
  const ledgerBefore = await ledgerOf(t);
  const [first, second] = await Promise.all([
    ok(t, 'staff-C01', 'record', 'confirm', { recordIds: ids.slice(0, 50) }),
    ok(t, 'staff2-C01', 'record', 'confirm', { recordIds: ids.slice(30, 80) }),
  ]);
  expect(first.confirmed + second.confirmed).toBe(80);
  for (const member of members) {
    const mine = records.filter((record) => record.memberId === member);
    const minutes = mine.reduce((sum, record) => sum + record.minutes, 0);
    expect(await memberTotals(t, member, day)).toEqual({
      all: { minutes, records: mine.length },
      year: { minutes, records: mine.length },
    });
  }
  expect(await ledgerOf(t)).toEqual({ entries: ledgerBefore.entries + 80, headSeq: ledgerBefore.headSeq + 80 });
  const ledger = await ok(t, 'county', 'record', 'verifyLedger', { communityId: 'C01' });
  expect(ledger.communities[0]).toMatchObject({ ok: true, problems: [] });
});
