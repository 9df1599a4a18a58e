import type { TestCloud } from 'wx-local-cloud/testing';
import { ledgerEntryId } from '../../../domain/ledger';
import { call, ok, snapshot, storedDoc } from '../helpers';
import { DAY, HOUR, checkedInMember, publishPost, reportHour, startLedgerCloud } from './setup';

let t: TestCloud;
/** C01's stamped records, in the order of the ledger. */
let east: string[];
let west: string;

beforeAll(async () => {
  t = await startLedgerCloud();
  await checkedInMember(t, 'm-east', 'C01');
  await checkedInMember(t, 'm-west', 'C02', 'U02');
  const eastPost = await publishPost(t, 'C01');
  const westPost = await publishPost(t, 'C02');
  await ok(t, 'm-east', 'post', 'claim', { postId: eastPost });
  await ok(t, 'm-west', 'post', 'claim', { postId: westPost });
  const now = t.cloud.clock.now();
  east = [];
  for (let day = 4; day >= 1; day -= 1) east.push(await reportHour(t, 'm-east', eastPost, now - day * DAY - 2 * HOUR));
  west = await reportHour(t, 'm-west', westPost, now - DAY - 2 * HOUR);
  // One stamped alone, then a batch.
  await ok(t, 'staff-C01', 'record', 'confirm', { recordIds: [east[0]] });
  await ok(t, 'staff-C01', 'record', 'confirm', { recordIds: east.slice(1) });
  await ok(t, 'staff-C02', 'record', 'confirm', { recordIds: [west] });
});
afterAll(() => t.close());

const community = (id: string, name: string) => ({ id, name });

describe('record.verifyLedger', () => {
  test('untouched ledgers verify, community by community, and one community can be asked alone', async () => {
    const { checkedAt, communities } = await ok(t, 'county', 'record', 'verifyLedger', {});
    expect(checkedAt).toBeGreaterThan(0);
    expect(communities).toEqual([
      { community: expect.objectContaining(community('C01', '东街社区')), entries: 4, ok: true, problems: [] },
      { community: expect.objectContaining(community('C02', '西街社区')), entries: 1, ok: true, problems: [] },
    ]);
    const one = await ok(t, 'county', 'record', 'verifyLedger', { communityId: 'C02' });
    expect(one.communities).toEqual([expect.objectContaining({ entries: 1, ok: true, problems: [] })]);
  });

  test('only the county admin may verify; an unknown community is said so; nothing changes', async () => {
    const before = await snapshot(t);
    for (const openid of ['staff-C01', 'admin-U01', 'm-east', 'stranger']) {
      expect(await call(t, openid, 'record', 'verifyLedger', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    }
    expect(await call(t, 'county', 'record', 'verifyLedger', { communityId: 'C99' })).toMatchObject({
      ok: false,
      code: 'COMMUNITY_NOT_FOUND',
    });
    expect(await call(t, 'county', 'record', 'verifyLedger', { communityId: '../C01' })).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
    });
    expect(await snapshot(t)).toBe(before);
  });

  test('names each record edited, deleted or inserted behind the functions, and the entry cut off the end', async () => {
    const records = t.db.collection('serviceRecords');
    for (const [i, id] of east.entries()) expect((await storedDoc(t, 'serviceRecords', id)).ledgerSeq).toBe(i + 1);

    // Hours typed in from a back end: more minutes on a stamped record, …
    await records.doc(east[0]).update({ data: { minutes: 600, creditMinutes: 600 } });
    // … a stamped record gone, …
    await records.doc(east[1]).remove();
    // … a record that claims to be stamped but never was, …
    const { _id: _copied, ...copy } = await storedDoc(t, 'serviceRecords', east[2]);
    await records.add({ data: { ...copy, _id: 'typed-in', startAt: copy.startAt - 10 * DAY, ledgerSeq: 9 } });
    // … and the last entry cut off the chain (its record left as it was).
    await t.db.collection('ledgerEntries').doc(ledgerEntryId('C01', 4)).remove();

    const before = await snapshot(t);
    const { communities } = await ok(t, 'county', 'record', 'verifyLedger', {});
    expect(await snapshot(t)).toBe(before);
    expect(communities[0]).toEqual({
      community: expect.objectContaining(community('C01', '东街社区')),
      entries: 3,
      ok: false,
      problems: [
        { kind: 'edited', recordId: east[0], seq: 1 },
        { kind: 'deleted', recordId: east[1], seq: 2 },
        { kind: 'truncated', recordId: east[3], seq: 4 },
        { kind: 'inserted', recordId: 'typed-in', seq: 9 },
      ],
    });
    // The community nobody touched still verifies.
    expect(communities[1]).toMatchObject({ community: { id: 'C02' }, entries: 1, ok: true, problems: [] });
  });
});
