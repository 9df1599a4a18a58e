import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { TestCloud } from 'wx-local-cloud/testing';
import { ledgerEntryId } from '../../../domain/ledger';
import { startOfChinaDay } from '../../../domain/periods';
import { verifyDataDir } from '../../../scripts/verify-ledger';
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
  // 10:00 China time, `day` days back: the hour lies within one China day whatever the hour the test runs at.
  const tenOClock = (day: number) => startOfChinaDay(t.cloud.clock.now() - day * DAY) + 10 * HOUR;
  east = [];
  for (let day = 4; day >= 1; day -= 1) east.push(await reportHour(t, 'm-east', eastPost, tenOClock(day)));
  west = await reportHour(t, 'm-west', westPost, tenOClock(1));
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

  test('npm run ledger:verify reads the same from the local data, read-only, and exits 1', async () => {
    const before = await snapshot(t);
    expect(verifyDataDir(t.dataDir)).toEqual([
      {
        communityId: 'C01',
        name: '东街社区',
        entries: 3,
        problems: [
          { kind: 'edited', recordId: east[0], seq: 1 },
          { kind: 'deleted', recordId: east[1], seq: 2 },
          { kind: 'truncated', recordId: east[3], seq: 4 },
          { kind: 'inserted', recordId: 'typed-in', seq: 9 },
        ],
      },
      { communityId: 'C02', name: '西街社区', entries: 1, problems: [] },
    ]);

    // The script as npm runs it: bundled by esbuild beside its packages (scripts/dist/, a file of this test's own),
    // pointed at the data by DATA_DIR.
    const root = join(__dirname, '..', '..', '..');
    mkdirSync(join(root, 'scripts', 'dist'), { recursive: true });
    const out = mkdtempSync(join(root, 'scripts', 'dist', 'verify-ledger-test-'));
    try {
      const bundle = join(out, 'verify-ledger.js');
      execFileSync(
        join(root, 'node_modules', '.bin', 'esbuild'),
        [
          'scripts/verify-ledger.ts',
          '--bundle',
          '--platform=node',
          '--target=node20',
          '--packages=external',
          `--outfile=${bundle}`,
          '--log-level=warning',
        ],
        { cwd: root },
      );
      const run = spawnSync(process.execPath, [bundle], {
        cwd: root,
        env: { ...process.env, DATA_DIR: t.dataDir },
        encoding: 'utf8',
      });
      expect(run.status).toBe(1);
      expect(run.stdout.split('\n')).toEqual([
        '✗ 东街社区（C01）：发现4处问题（账本共3条）',
        `    第1条：记录（${east[0]}）盖章后被改动过，内容与账本不符`,
        `    第2条：账本里的记录（${east[1]}）已被删除`,
        `    第4条：账本缺了这一条，它盖章的是记录（${east[3]}）`,
        '    记录（typed-in）算作已盖章（自称第9条），但账本里没有盖章的记载',
        '✓ 西街社区（C02）：账本完好，共1条盖章记载',
        '共发现4处问题：有记录在函数之外被改动过。',
        '',
      ]);
      const missing = spawnSync(process.execPath, [bundle], {
        cwd: root,
        env: { ...process.env, DATA_DIR: join(out, 'nothing-here') },
        encoding: 'utf8',
      });
      expect(missing.status).toBe(1);
      expect(missing.stderr).toContain('找不到本地数据');
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
    expect(await snapshot(t)).toBe(before);
  });
});
