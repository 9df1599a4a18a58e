import type { LedgerEntryDoc, LedgerHeadDoc, ServiceRecordDoc } from '../types';
import { GENESIS_HASH, entryHash, ledgerEntryId, recordHash } from './ledger';
import { checkLedger, describeProblem } from './ledger-check';

const C = 'C01';

function record(id: string, overrides: Partial<ServiceRecordDoc> = {}): ServiceRecordDoc {
  return {
    _id: id,
    communityId: C,
    memberId: 'member-1',
    unitId: 'U01',
    source: 'selfReported',
    postId: 'P1',
    activityId: null,
    orderId: null,
    rating: null,
    description: '帮老人买菜',
    startAt: 1_000,
    endAt: 3_601_000,
    minutes: 60,
    creditMinutes: 60,
    photos: ['cloud://photo'],
    attendance: null,
    recordedBy: 'member-1',
    recordedByName: '王党员',
    byStaff: false,
    correctsId: null,
    status: 'confirmed',
    pendingSince: 1_000,
    createdAt: 1_000,
    updatedAt: 5_000,
    decidedBy: 'staff-C01',
    decidedByName: '李社工',
    decidedAt: 5_000,
    ...overrides,
  };
}

/** A chain as chainToLedger writes it: records stamped in order, each entry linked to the one before. */
function chain(count: number) {
  const records = new Map<string, ServiceRecordDoc>();
  const entries: LedgerEntryDoc[] = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= count; seq += 1) {
    const stamped = record(`R${seq}`, { ledgerSeq: seq, minutes: 30 + seq, creditMinutes: 30 + seq });
    records.set(stamped._id, stamped);
    const body = { communityId: C, seq, recordId: stamped._id, recordHash: recordHash(stamped), prevHash, at: 5_000 };
    const hash = entryHash(body);
    entries.push({ _id: ledgerEntryId(C, seq), ...body, hash });
    prevHash = hash;
  }
  const head: LedgerHeadDoc = { _id: C, seq: count, hash: prevHash, updatedAt: 5_000 };
  return { communityId: C, records, entries, head };
}

function kinds(walk: ReturnType<typeof chain>) {
  return checkLedger(walk).problems.map(({ kind, recordId, seq }) => [kind, recordId, seq]);
}

describe('checkLedger', () => {
  it('an untouched chain, and an empty one, have no problems', () => {
    expect(checkLedger(chain(5))).toEqual({ entries: 5, problems: [] });
    expect(checkLedger({ communityId: C, entries: [], head: null, records: new Map() })).toEqual({
      entries: 0,
      problems: [],
    });
  });

  it('records of other communities and unconfirmed records are not its business', () => {
    const walk = chain(2);
    walk.records.set('X', record('X', { communityId: 'C02' }));
    walk.records.set('P', record('P', { status: 'pending' }));
    expect(kinds(walk)).toEqual([]);
  });

  it('names an edited record', () => {
    const walk = chain(3);
    walk.records.set('R2', { ...walk.records.get('R2')!, minutes: 600 });
    expect(kinds(walk)).toEqual([['edited', 'R2', 2]]);
  });

  it('a record moved out of its status or community is edited, not inserted', () => {
    const walk = chain(3);
    walk.records.set('R1', { ...walk.records.get('R1')!, status: 'pending' });
    walk.records.set('R3', { ...walk.records.get('R3')!, communityId: 'C02' });
    expect(kinds(walk)).toEqual([
      ['edited', 'R1', 1],
      ['edited', 'R3', 3],
    ]);
  });

  it('names a deleted record', () => {
    const walk = chain(3);
    walk.records.delete('R1');
    expect(kinds(walk)).toEqual([['deleted', 'R1', 1]]);
  });

  it('names a confirmed record no entry stamps, with or without a place of its own', () => {
    const walk = chain(3);
    walk.records.set('F1', record('F1'));
    walk.records.set('F2', record('F2', { ledgerSeq: 2 }));
    expect(kinds(walk)).toEqual([
      ['inserted', 'F2', 2],
      ['inserted', 'F1', null],
    ]);
  });

  it('names entries cut off the end, with the records they stamped', () => {
    const walk = chain(5);
    walk.entries.splice(3);
    expect(kinds(walk)).toEqual([
      ['truncated', 'R4', 4],
      ['truncated', 'R5', 5],
    ]);
  });

  it('names entries cut from the middle, and links that do not hold', () => {
    const walk = chain(5);
    walk.entries.splice(1, 1);
    expect(kinds(walk)).toEqual([['truncated', 'R2', 2]]);

    const relinked = chain(4);
    relinked.entries[2] = { ...relinked.entries[2], prevHash: GENESIS_HASH };
    // Its own hash no longer matches either: still one problem.
    expect(kinds(relinked)).toEqual([['broken', 'R3', 3]]);
  });

  it('an entry rewritten with a recomputed hash still breaks the link after it', () => {
    const walk = chain(3);
    const forged = { ...walk.records.get('R2')!, minutes: 600 };
    walk.records.set('R2', forged);
    const body = { ...walk.entries[1], recordHash: recordHash(forged) };
    walk.entries[1] = { ...body, hash: entryHash(body) };
    expect(kinds(walk)).toEqual([['broken', 'R3', 3]]);
  });

  it('a head that does not end the chain is named', () => {
    const missingHead = chain(2);
    expect(kinds({ ...missingHead, head: null } as unknown as ReturnType<typeof chain>)).toEqual([['broken', null, 2]]);
    const behind = chain(3);
    behind.head = { ...behind.head, seq: 2, hash: behind.entries[1].hash };
    expect(kinds(behind)).toEqual([['broken', 'R3', 3]]);
  });

  it('a forged place far beyond the head is named without listing every place in between', () => {
    const walk = chain(1);
    walk.head = { ...walk.head, seq: 1_000_000 };
    const { problems } = checkLedger(walk);
    expect(problems).toHaveLength(1000);
    expect(problems[0]).toEqual({ kind: 'truncated', recordId: null, seq: 2 });
  });

  it('says each problem in Chinese', () => {
    expect(describeProblem({ kind: 'edited', recordId: 'R2', seq: 2 })).toBe(
      '第2条：记录（R2）盖章后被改动过，内容与账本不符',
    );
    expect(describeProblem({ kind: 'inserted', recordId: 'F1', seq: null })).toBe(
      '记录（F1）算作已盖章，但账本里没有盖章的记载',
    );
    expect(describeProblem({ kind: 'truncated', recordId: null, seq: 7 })).toBe('第7条：账本缺了这一条');
  });
});
