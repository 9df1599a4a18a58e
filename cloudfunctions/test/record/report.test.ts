import type { TestCloud } from 'wx-local-cloud/testing';
import { ERRORS } from '../../../types';
import { insert } from '../fixtures';
import { call, ok, snapshot, storedDoc, verifiedMember } from '../helpers';
import {
  HOUR,
  MINUTE,
  MORNING,
  PNG,
  T0,
  aClaim,
  aPostDoc,
  memberOnPost,
  reportOf,
  reported,
  startRecordCloud,
  upload,
  withPost,
} from './setup';

let t: TestCloud;
beforeAll(async () => {
  t = await startRecordCloud();
  await withPost(t);
  await memberOnPost(t, 'm-report');
  await memberOnPost(t, 'm-other');
});
afterAll(() => t.close());
afterEach(() => t.cloud.clock.setTime(T0));

async function refused(openid: string, data: unknown) {
  const before = await snapshot(t);
  const result = await call(t, openid, 'record', 'report', data);
  expect(await snapshot(t)).toBe(before);
  return result;
}

test('a member on a post reports service with a photo: a pending self-reported record', async () => {
  const request = await reportOf(t, 'm-report', MORNING, 95);
  const { record } = await ok(t, 'm-report', 'record', 'report', request);
  expect(record).toMatchObject({
    source: 'selfReported',
    status: 'pending',
    community: { id: 'C01', name: '东街社区' },
    post: { id: 'P01', kind: '环境维护岗' },
    minutes: 95,
    photos: request.photos,
    byStaff: false,
    recordedByName: '党员ort',
    decidedAt: null,
  });
  expect(await storedDoc(t, 'serviceRecords', record.id)).toMatchObject({
    memberId: 'm-report',
    unitId: 'U01',
    creditMinutes: 95,
    recordedBy: 'm-report',
  });
  const mine = await ok(t, 'm-report', 'record', 'listMine', { status: 'pending' });
  expect(mine.items.map((item) => item.id)).toContain(record.id);
});

test('refusals change nothing: times, overlap, the daily cap, posts not held', async () => {
  const photo = await upload(t, 'm-other');
  const base = { postId: 'P01', description: '帮老人买菜', photos: [photo] };
  const at = (h: number) => MORNING + h * HOUR;
  const cases: Array<[unknown, string]> = [
    [{ ...base, startAt: at(2), endAt: at(1) }, 'END_BEFORE_START'],
    [{ ...base, startAt: at(2), endAt: at(2) }, 'END_BEFORE_START'],
    [{ ...base, startAt: T0 - HOUR, endAt: T0 + MINUTE }, 'TIME_IN_FUTURE'],
    [{ ...base, startAt: MORNING - 11 * HOUR, endAt: MORNING - 8 * HOUR }, 'INVALID_INPUT'],
    [{ ...base, postId: 'P404', startAt: at(0), endAt: at(1) }, 'NOT_CLAIMED'],
    [{ ...base, description: '扫', startAt: at(0), endAt: at(1) }, 'INVALID_INPUT'],
    [{ ...base, photos: [], startAt: at(0), endAt: at(1) }, 'INVALID_INPUT'],
    [{ ...base, photos: Array(10).fill(photo), startAt: at(0), endAt: at(1) }, 'INVALID_INPUT'],
  ];
  for (const [data, code] of cases) {
    expect(await refused('m-other', data)).toMatchObject({ ok: false, code });
  }
  // Another member's report elsewhere does not clash; the member's own does.
  await reported(t, 'm-other', at(0), 60);
  const overlap = await refused('m-other', await reportOf(t, 'm-other', at(0) + 30 * MINUTE, 60));
  expect(overlap).toMatchObject({ ok: false, code: 'TIME_OVERLAP', message: ERRORS.TIME_OVERLAP });
  // The day holds 12 h at most: 1 h reported, 11 h more is fine, a minute more is not.
  await reported(t, 'm-other', at(-8), 8 * 60);
  await reported(t, 'm-other', at(1), 3 * 60);
  const cap = await refused('m-other', await reportOf(t, 'm-other', at(4), 1));
  expect(cap).toMatchObject({ ok: false, code: 'DAILY_CAP', message: '一天最多记录12小时的服务' });
});

test('the daily cap is the configured one and is named in the refusal', async () => {
  await memberOnPost(t, 'm-cap');
  await insert(t.db, 'settings', { _id: 'serviceRules', dailyCapHours: 2 });
  try {
    await reported(t, 'm-cap', MORNING, 90);
    const result = await refused('m-cap', await reportOf(t, 'm-cap', MORNING + 2 * HOUR, 31));
    expect(result).toMatchObject({ ok: false, code: 'DAILY_CAP', message: '一天最多记录2小时的服务' });
  } finally {
    await t.db.collection('settings').doc('serviceRules').remove();
  }
});

test('a rejected record frees its time', async () => {
  await memberOnPost(t, 'm-free');
  const first = await reported(t, 'm-free', MORNING, 60);
  await ok(t, 'staff-C01', 'record', 'reject', { recordId: first, reason: '照片与内容不符' });
  await reported(t, 'm-free', MORNING, 60);
});

test("someone else's photo, a file that is not an image, a missing file are refused", async () => {
  const when = MORNING + 4 * HOUR;
  const others = await upload(t, 'm-report');
  const text = await upload(t, 'm-other', Buffer.from('just some text, not an image'), 'image/png');
  const missing = others.replace(/[^/]+$/, 'nothing-here.png');
  for (const photos of [[others], [text], [missing], [await upload(t, 'm-other'), others]]) {
    const result = await refused('m-other', { ...(await reportOf(t, 'm-other', when, 30)), photos });
    expect(result).toMatchObject({ ok: false, code: 'PHOTO_INVALID', message: ERRORS.PHOTO_INVALID });
  }
  const mine = await upload(t, 'm-other', PNG);
  const twice = await refused('m-other', { ...(await reportOf(t, 'm-other', when, 30)), photos: [mine, mine] });
  expect(twice).toMatchObject({ ok: false, code: 'PHOTO_INVALID' });
});

test('only a checked-in member holding an active claim on a post of their community may report', async () => {
  await verifiedMember(t, 'm-not-in');
  expect(await refused('m-not-in', await reportOf(t, 'm-not-in', MORNING, 30))).toMatchObject({
    ok: false,
    code: 'NOT_CHECKED_IN_HERE',
  });
  await memberOnPost(t, 'm-left');
  await t.db
    .collection('postClaims')
    .doc('P01_m-left')
    .update({ data: { status: 'left', leftAt: T0 } });
  expect(await refused('m-left', await reportOf(t, 'm-left', MORNING, 30))).toMatchObject({
    ok: false,
    code: 'NOT_CLAIMED',
  });
  // A claim on a post of another community does not count here.
  await insert(t.db, 'posts', aPostDoc({ _id: 'P02', communityId: 'C02' }));
  await insert(t.db, 'postClaims', aClaim('P02', 'm-left', { communityId: 'C02' }));
  const request = await reportOf(t, 'm-left', MORNING, 30, { postId: 'P02' });
  expect(await refused('m-left', request)).toMatchObject({ ok: false, code: 'NOT_CLAIMED' });
});

test('concurrent overlapping reports of one member: exactly one is kept', async () => {
  await memberOnPost(t, 'm-race');
  const requests = await Promise.all(
    Array.from({ length: 8 }, (_, i) => reportOf(t, 'm-race', MORNING + i * 5 * MINUTE, 60)),
  );
  const results = await Promise.all(requests.map((request) => call(t, 'm-race', 'record', 'report', request)));
  expect(results.filter((result) => result.ok)).toHaveLength(1);
  expect(results.filter((result) => !result.ok).map((result) => !result.ok && result.code)).toEqual(
    Array(7).fill('TIME_OVERLAP'),
  );
  const { data } = await t.db.collection('serviceRecords').where({ memberId: 'm-race' }).get();
  expect(data).toHaveLength(1);
});

test("listMine pages through the member's own records, newest first", async () => {
  await memberOnPost(t, 'm-pages');
  const ids: string[] = [];
  for (let i = 0; i < 5; i++) ids.push(await reported(t, 'm-pages', MORNING - 8 * HOUR + i * HOUR, 30));
  const seen: string[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 5; page++) {
    const answer = await ok(t, 'm-pages', 'record', 'listMine', cursor ? { limit: 2, cursor } : { limit: 2 });
    seen.push(...answer.items.map((item) => item.id));
    if (!answer.next) break;
    cursor = answer.next;
  }
  expect(seen).toEqual([...ids].reverse());
  // Nobody else's records are listed.
  expect((await ok(t, 'm-report', 'record', 'listMine', { limit: 50 })).items.map((item) => item.id)).not.toContain(
    ids[0],
  );
});
