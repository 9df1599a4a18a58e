import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type LocalCloud, type Manifest, startLocalCloud } from '../dist/index';
import { type TestCloud, rejection, startTestCloud } from 'wx-local-cloud/testing';

// Manifest indexes: uniqueness (MongoDB semantics where WeChat's docs are silent), index-backed reads, and index
// builds on restart. Fact ids (Q2, Q7, Q8, Q16, E2, E3) refer to docs/wechat-db-semantics.md (the fact ids are its headings).

type Row = Record<string, unknown>;

const USERS = 'ix_users';
const TAGS = 'ix_tags';
const PAIRS = 'ix_pairs';
const SPARSE = 'ix_sparse';
const DENSE = 'ix_dense';
const SCAN = 'ix_scan';
const RANGE = 'ix_range';

let t: TestCloud;

beforeAll(async () => {
  t = await startTestCloud({
    manifest: {
      collections: [
        { name: USERS, indexes: [{ name: 'email_unique', keys: { email: 1 }, unique: true }] },
        { name: TAGS, indexes: [{ name: 'tags_unique', keys: { tags: 1 }, unique: true }] },
        { name: PAIRS, indexes: [{ name: 'pair_unique', keys: { a: 1, b: -1 }, unique: true }] },
        { name: SPARSE, indexes: [{ name: 'code_sparse', keys: { code: 1 }, unique: true, sparse: true }] },
        { name: DENSE, indexes: [{ name: 'code_dense', keys: { code: 1 }, unique: true }] },
        { name: SCAN, indexes: [{ name: 'k', keys: { k: 1 } }] },
        {
          name: RANGE,
          indexes: [
            { name: 'n', keys: { n: 1 } },
            { name: 's', keys: { s: 1 } },
            { name: 'd', keys: { d: 1 } },
            { name: 'f', keys: { f: 1 } },
          ],
        },
      ],
    },
  });
});

afterAll(() => t.close());

async function all(coll: string): Promise<Row[]> {
  const { data } = await t.db.collection(coll).orderBy('_id', 'asc').limit(1000).get();
  return data as Row[];
}

function expectDuplicate(error: { errCode?: number; errMsg?: string }): void {
  expect(error.errCode).toBe(-502001);
  expect(error.errMsg).toMatch(/duplicate key/);
}

describe('unique indexes', () => {
  test('a duplicate insert is refused (-502001, duplicate key) and nothing changes', async () => {
    const users = t.db.collection(USERS);
    await users.add({ data: { _id: 'u1', email: 'a@x', name: 'Ann' } });
    const error = await rejection(users.add({ data: { _id: 'u1b', email: 'a@x', name: 'Imposter' } }));
    expectDuplicate(error);
    expect(error.errMsg).toMatch(/email_unique/);
    expect((await users.where({ email: 'a@x' }).get()).data).toEqual([{ _id: 'u1', email: 'a@x', name: 'Ann' }]);
    expect((await users.where({ name: 'Imposter' }).count()).total).toBe(0);
  });

  test('a duplicate created by update or set is refused, leaving both records unchanged', async () => {
    const users = t.db.collection(USERS);
    await users.add({
      data: [
        { _id: 'u2', email: 'b@x', n: 1 },
        { _id: 'u3', email: 'c@x', n: 1 },
        { _id: 'u4', email: 'd@x', n: 1 },
      ],
    });
    expectDuplicate(await rejection(users.doc('u3').update({ data: { email: 'b@x', n: 2 } })));
    expectDuplicate(await rejection(users.where({ _id: 'u3' }).update({ data: { email: 'b@x', n: 3 } })));
    expectDuplicate(await rejection(users.doc('u3').set({ data: { email: 'b@x', n: 4 } })));
    // a multi-record update that would give two records the same value changes neither
    expectDuplicate(
      await rejection(users.where({ _id: t._.in(['u3', 'u4']) }).update({ data: { email: 'same@x', n: 5 } })),
    );
    expect(await all(USERS)).toEqual([
      { _id: 'u1', email: 'a@x', name: 'Ann' },
      { _id: 'u2', email: 'b@x', n: 1 },
      { _id: 'u3', email: 'c@x', n: 1 },
      { _id: 'u4', email: 'd@x', n: 1 },
    ]);
    // a record may keep its own value, and the freed value can be taken
    await users.doc('u2').update({ data: { email: 'b@x', n: 6 } });
    await users.doc('u4').update({ data: { email: 'e@x' } });
    await users.doc('u3').update({ data: { email: 'd@x' } });
    expect((await users.doc('u2').get()).data).toEqual({ _id: 'u2', email: 'b@x', n: 6 });
    expect((await users.doc('u3').get()).data).toEqual({ _id: 'u3', email: 'd@x', n: 1 });
  });

  test('a failed multi-record add with one duplicate inserts none of them', async () => {
    const users = t.db.collection(USERS);
    expectDuplicate(
      await rejection(
        users.add({
          data: [
            { _id: 'batch1', email: 'batch1@x' },
            { _id: 'batch2', email: 'a@x' },
            { _id: 'batch3', email: 'batch3@x' },
          ],
        }),
      ),
    );
    expectDuplicate(
      await rejection(
        users.add({
          data: [
            { _id: 'twin1', email: 'twin@x' },
            { _id: 'twin2', email: 'twin@x' },
          ],
        }),
      ),
    );
    expect((await users.where({ _id: t._.in(['batch1', 'batch2', 'batch3', 'twin1', 'twin2']) }).count()).total).toBe(
      0,
    );
    expect((await users.where({ email: t._.in(['batch1@x', 'batch3@x', 'twin@x']) }).count()).total).toBe(0);
    // the values are free afterwards
    await users.add({ data: { _id: 'batch1', email: 'batch1@x' } });
    expect((await users.doc('batch1').get()).data).toEqual({ _id: 'batch1', email: 'batch1@x' });
  });

  test('a unique index on an array field: no two records may share an element', async () => {
    const tags = t.db.collection(TAGS);
    await tags.add({ data: { _id: 't1', tags: ['a', 'b'] } });
    expectDuplicate(await rejection(tags.add({ data: { _id: 't2', tags: ['c', 'a'] } })));
    await tags.add({ data: { _id: 't3', tags: ['c', 'd'] } });
    // one record may repeat a value of its own
    await tags.add({ data: { _id: 't4', tags: ['e', 'e'] } });
    // a scalar equal to another record's element clashes too
    expectDuplicate(await rejection(tags.add({ data: { _id: 't5', tags: 'd' } })));
    expectDuplicate(await rejection(tags.doc('t3').update({ data: { tags: t._.push('b') } })));
    expect(await all(TAGS)).toEqual([
      { _id: 't1', tags: ['a', 'b'] },
      { _id: 't3', tags: ['c', 'd'] },
      { _id: 't4', tags: ['e', 'e'] },
    ]);
    // and the index answers element queries (Q2)
    expect((await tags.where({ tags: 'd' }).get()).data).toEqual([{ _id: 't3', tags: ['c', 'd'] }]);
  });

  test('a compound unique index refuses the same pair and accepts different pairs', async () => {
    const pairs = t.db.collection(PAIRS);
    await pairs.add({ data: { _id: 'p1', a: 1, b: 1 } });
    expectDuplicate(await rejection(pairs.add({ data: { _id: 'p2', a: 1, b: 1 } })));
    await pairs.add({ data: { _id: 'p3', a: 1, b: 2 } });
    await pairs.add({ data: { _id: 'p4', a: 2, b: 1 } });
    await pairs.add({ data: { _id: 'p5', a: '1', b: 1 } });
    expectDuplicate(await rejection(pairs.doc('p3').update({ data: { b: 1 } })));
    // a missing key field counts as null (MongoDB): the same (3, null) pair twice is refused
    await pairs.add({ data: { _id: 'p6', a: 3 } });
    expectDuplicate(await rejection(pairs.add({ data: { _id: 'p7', a: 3 } })));
    expect((await all(PAIRS)).map((row) => row._id)).toEqual(['p1', 'p3', 'p4', 'p5', 'p6']);
    expect((await pairs.where({ a: 1, b: 2 }).get()).data).toEqual([{ _id: 'p3', a: 1, b: 2 }]);
  });

  test('a sparse unique index allows many records missing the field', async () => {
    const sparse = t.db.collection(SPARSE);
    await sparse.add({ data: [{ _id: 's1' }, { _id: 's2', other: 1 }, { _id: 's3' }] });
    await sparse.add({ data: { _id: 's4' } });
    await sparse.add({ data: { _id: 's5', code: 'X' } });
    expectDuplicate(await rejection(sparse.add({ data: { _id: 's6', code: 'X' } })));
    expect((await all(SPARSE)).map((row) => row._id)).toEqual(['s1', 's2', 's3', 's4', 's5']);
    expect((await sparse.where({ code: 'X' }).get()).data).toEqual([{ _id: 's5', code: 'X' }]);
    expect((await sparse.where({ code: t._.exists(false) }).count()).total).toBe(4);
  });

  test('a non-sparse unique index treats a missing field as null: only one record may lack it', async () => {
    const dense = t.db.collection(DENSE);
    await dense.add({ data: { _id: 'd1' } });
    expectDuplicate(await rejection(dense.add({ data: { _id: 'd2' } })));
    expectDuplicate(await rejection(dense.add({ data: { _id: 'd3', code: null } })));
    await dense.add({ data: { _id: 'd4', code: 'Y' } });
    expect(await all(DENSE)).toEqual([{ _id: 'd1' }, { _id: 'd4', code: 'Y' }]);
  });
});

describe('reads on indexed fields', () => {
  beforeAll(async () => {
    const rows = Array.from({ length: 1000 }, (_, i) => ({
      _id: `r${String(i).padStart(4, '0')}`,
      k: i % 100,
      k2: i % 100,
    }));
    await t.db.collection(SCAN).add({ data: rows });
  });

  type Answer = { data: Row[]; total: number };

  async function examined(run: () => Promise<Answer>): Promise<{ result: Answer; examined: number }> {
    const before = t.cloud.db.docsExamined;
    const result = await run();
    return { result, examined: t.cloud.db.docsExamined - before };
  }

  test('an equality query on an indexed field examines only the matching records', async () => {
    const indexed = await examined(() => t.db.collection(SCAN).where({ k: 42 }).limit(1000).get());
    expect(indexed.result.data.map((row: Row) => row._id).sort()).toEqual(
      Array.from({ length: 10 }, (_, j) => `r${String(42 + 100 * j).padStart(4, '0')}`),
    );
    expect(indexed.examined).toBe(10);
  });

  test('the same query on an unindexed field examines all 1000', async () => {
    const scanned = await examined(() => t.db.collection(SCAN).where({ k2: 42 }).limit(1000).get());
    expect(scanned.result.data).toHaveLength(10);
    expect(scanned.examined).toBe(1000);
  });

  test('$in and a range on an indexed field examine only what they match', async () => {
    const inList = await examined(() =>
      t.db
        .collection(SCAN)
        .where({ k: t._.in([1, 2, 3]) })
        .limit(1000)
        .get(),
    );
    expect(inList.result.data).toHaveLength(30);
    expect(inList.examined).toBe(30);
    const range = await examined(() =>
      t.db
        .collection(SCAN)
        .where({ k: t._.gte(95) })
        .count(),
    );
    expect(range.result.total).toBe(50);
    expect(range.examined).toBe(50);
  });
});

describe('$in and ranges on indexed fields return exactly the right records', () => {
  // n, s, d, f are indexed; n2, s2, d2, f2 are unindexed copies holding the same values.
  const D = (iso: string) => new Date(iso);
  const rows: [string, unknown, unknown, unknown, unknown][] = [
    ['a', -2.5, 'apple', D('2023-01-01T00:00:00Z'), [0, 10]],
    ['b', 0, 'b', D('2024-01-01T00:00:00Z'), [3]],
    ['c', 1, '', D('2024-06-01T00:00:00Z'), [6, 7]],
    ['d', 3.5, '中文', D('2025-01-01T00:00:00Z'), []],
    ['e', 5, '😀 smile', D('1969-12-31T00:00:00Z'), [1, 5]],
    ['g', 1e12, 'Zed', null, ['x']],
    ['h', '5', 5, '2024-01-01', 4],
    ['i', null, null, 0, null],
    ['j', -0, 'a', D('2024-01-01T00:00:00.001Z'), [-1, 100]],
  ];

  beforeAll(async () => {
    const data: Row[] = rows.map(([_id, n, s, d, f]) => ({ _id, n, s, d, f, n2: n, s2: s, d2: d, f2: f }));
    data.push({ _id: 'k' });
    await t.db.collection(RANGE).add({ data });
  });

  /** Ids matched on the indexed field and on its unindexed copy. */
  async function both(field: string, condition: unknown): Promise<{ indexed: string[]; scanned: string[] }> {
    const ids = async (name: string) =>
      (
        (
          await t.db
            .collection(RANGE)
            .where({ [name]: condition })
            .field({ _id: true })
            .get()
        ).data as Row[]
      )
        .map((row) => row._id as string)
        .sort();
    return { indexed: await ids(field), scanned: await ids(`${field}2`) };
  }

  async function expectMatches(field: string, condition: unknown, expected: string[]): Promise<void> {
    const { indexed, scanned } = await both(field, condition);
    expect({ condition: `${field}`, scanned }).toEqual({ condition: `${field}`, scanned: expected });
    expect({ condition: `${field}`, indexed }).toEqual({ condition: `${field}`, indexed: expected });
  }

  test('numbers (Q7, Q8): type-bracketed, -0 equals 0', async () => {
    const _ = t._;
    await expectMatches('n', _.gt(1), ['d', 'e', 'g']);
    await expectMatches('n', _.gte(0), ['b', 'c', 'd', 'e', 'g', 'j']);
    await expectMatches('n', _.lt(1), ['a', 'b', 'j']);
    await expectMatches('n', _.lte(-2.5), ['a']);
    await expectMatches('n', _.gt(0).lt(5), ['c', 'd']);
    await expectMatches('n', _.gt(-3).and(_.lt(3)), ['a', 'b', 'c', 'j']);
    await expectMatches('n', _.in([1, 3.5, -2.5, '5']), ['a', 'c', 'd', 'h']);
    await expectMatches('n', 0, ['b', 'j']);
    await expectMatches('n', null, ['i', 'k']);
    await expectMatches('n', _.in([null, 5]), ['e', 'i', 'k']);
  });

  test('strings, including CJK and emoji', async () => {
    const _ = t._;
    await expectMatches('s', _.lt('b'), ['a', 'c', 'g', 'j']);
    await expectMatches('s', _.lte('Zed'), ['c', 'g']);
    await expectMatches('s', _.in(['b', '😀 smile', '中文']), ['b', 'd', 'e']);
    await expectMatches('s', '😀 smile', ['e']);
    await expectMatches('s', _.gt('a'), ['a', 'b', 'd', 'e']);
    await expectMatches('s', _.gte(''), ['a', 'b', 'c', 'd', 'e', 'g', 'j']);
    await expectMatches('s', _.gt('中'), ['d', 'e']);
  });

  test('Dates (Q16), including one before 1970', async () => {
    const _ = t._;
    await expectMatches('d', _.gt(D('2024-01-01T00:00:00Z')), ['c', 'd', 'j']);
    await expectMatches('d', _.gte(D('2024-01-01T00:00:00Z')), ['b', 'c', 'd', 'j']);
    await expectMatches('d', _.lt(D('2024-01-01T00:00:00Z')), ['a', 'e']);
    await expectMatches('d', _.gte(D('2024-01-01T00:00:00Z')).and(_.lt(D('2025-01-01T00:00:00Z'))), ['b', 'c', 'j']);
    await expectMatches('d', _.in([D('2023-01-01T00:00:00Z'), D('2025-01-01T00:00:00Z')]), ['a', 'd']);
    await expectMatches('d', D('2024-01-01T00:00:00Z'), ['b']);
  });

  test('array fields: a range may be met by different elements (Q2, as MongoDB does)', async () => {
    const _ = t._;
    // [0, 10] matches gt(1) by 10 and lt(5) by 0; [6, 7] has no element below 5; [1, 5] has 5 > 1 and 1 < 5
    await expectMatches('f', _.gt(1).and(_.lt(5)), ['a', 'b', 'e', 'h', 'j']);
    await expectMatches('f', _.gt(1).lt(5), ['a', 'b', 'e', 'h', 'j']);
    await expectMatches('f', _.gt(6), ['a', 'c', 'j']);
    await expectMatches('f', _.lt(0), ['j']);
    await expectMatches('f', _.in([10, 4]), ['a', 'h']);
    await expectMatches('f', 5, ['e']);
  });
});

describe('restarting with a changed manifest', () => {
  const base = (indexes: Manifest['collections'][number]['indexes']): Manifest => ({
    collections: [{ name: 'people', indexes }],
  });

  async function withClouds(body: (dataDir: string, clouds: LocalCloud[]) => Promise<void>): Promise<void> {
    const dataDir = mkdtempSync(join(tmpdir(), 'local-cloud-ix-restart-'));
    const clouds: LocalCloud[] = [];
    try {
      await body(dataDir, clouds);
    } finally {
      for (const cloud of clouds) await cloud.close();
      rmSync(dataDir, { recursive: true, force: true });
      Object.assign(process.env, t.cloud.sdkEnvironment());
    }
  }

  async function start(dataDir: string, manifest: Manifest, clouds: LocalCloud[]): Promise<LocalCloud> {
    const cloud = await startLocalCloud({ dataDir, manifest });
    clouds.push(cloud);
    Object.assign(process.env, cloud.sdkEnvironment());
    return cloud;
  }

  async function stop(cloud: LocalCloud, clouds: LocalCloud[]): Promise<void> {
    clouds.splice(clouds.indexOf(cloud), 1);
    await cloud.close();
  }

  const people: Row[] = [
    { _id: 'p1', age: 30, born: new Date('1994-05-01T00:00:00Z'), email: 'p1@x' },
    { _id: 'p2', age: 41, born: new Date('1983-02-01T00:00:00Z'), email: 'p2@x' },
    { _id: 'p3', age: 30, born: new Date('1994-11-01T00:00:00Z'), email: 'p3@x' },
    { _id: 'p4', age: 19, born: new Date('2005-01-01T00:00:00Z'), email: 'p4@x' },
    { _id: 'p5', email: 'p5@x' },
  ];

  test('a new index over existing data is built, and reads through it are complete', async () => {
    await withClouds(async (dataDir, clouds) => {
      const first = await start(dataDir, base([]), clouds);
      await t.db.collection('people').add({ data: people });
      await stop(first, clouds);

      const second = await start(
        dataDir,
        base([
          { name: 'age', keys: { age: 1 } },
          { name: 'born', keys: { born: 1 } },
          { name: 'email_unique', keys: { email: 1 }, unique: true },
        ]),
        clouds,
      );
      const coll = t.db.collection('people');
      const before = second.db.docsExamined;
      const thirty = await coll.where({ age: 30 }).orderBy('_id', 'asc').get();
      expect(thirty.data.map((row: Row) => row._id)).toEqual(['p1', 'p3']);
      expect(second.db.docsExamined - before).toBe(2);

      const older = await coll
        .where({ age: t._.gt(25) })
        .orderBy('_id', 'asc')
        .get();
      expect(older.data.map((row: Row) => row._id)).toEqual(['p1', 'p2', 'p3']);

      const bornBefore1995 = await coll
        .where({ born: t._.lt(new Date('1995-01-01T00:00:00Z')) })
        .orderBy('_id', 'asc')
        .get();
      expect(bornBefore1995.data.map((row: Row) => row._id)).toEqual(['p1', 'p2', 'p3']);
      const exactDate = await coll.where({ born: new Date('2005-01-01T00:00:00Z') }).get();
      expect(exactDate.data.map((row: Row) => row._id)).toEqual(['p4']);

      // the new unique index is enforced against the existing records
      expectDuplicate(await rejection(coll.add({ data: { _id: 'p6', email: 'p2@x' } })));
      expect((await coll.count()).total).toBe(5);
    });
  });

  test('a unique index over existing duplicates refuses to start with a clear error; the data stays usable', async () => {
    await withClouds(async (dataDir, clouds) => {
      const first = await start(dataDir, base([]), clouds);
      await t.db.collection('people').add({
        data: [
          { _id: 'q1', email: 'same@x' },
          { _id: 'q2', email: 'same@x' },
          { _id: 'q3', email: 'other@x' },
        ],
      });
      await stop(first, clouds);

      const refused = await startLocalCloud({
        dataDir,
        manifest: base([{ name: 'email_unique', keys: { email: 1 }, unique: true }]),
      }).then(
        (cloud) => {
          clouds.push(cloud);
          return undefined;
        },
        (error: unknown) => String((error as { message?: unknown }).message),
      );
      expect(refused).toMatch(/duplicate key/);
      expect(refused).toMatch(/email_unique/);
      expect(refused).toMatch(/people/);

      // the old manifest still starts, with the data intact
      await start(dataDir, base([]), clouds);
      const { data } = await t.db.collection('people').orderBy('_id', 'asc').get();
      expect(data.map((row: Row) => row._id)).toEqual(['q1', 'q2', 'q3']);
    });
  });
});
