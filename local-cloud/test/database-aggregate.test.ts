import { type TestCloud, startTestCloud } from 'wx-local-cloud/testing';

// Aggregation through the real wx-server-sdk: db.collection(c).aggregate()...end() resolves {list} (A1).
// Fact ids (A1..A9, X3..X5, Q1) refer to docs/wechat-db-semantics.md (the fact ids are its headings).

type Row = Record<string, unknown>;

const ITEMS = 'agg_items';
const ORDERS = 'agg_orders';
const CUSTOMERS = 'agg_customers';
const MANY = 'agg_many';

const items: Row[] = [
  {
    _id: 'i1',
    cat: 'fruit',
    name: 'apple',
    price: 5,
    qty: 10,
    tags: ['red', 'sweet'],
    spec: { color: 'red', size: 'S' },
  },
  {
    _id: 'i2',
    cat: 'fruit',
    name: 'banana',
    price: 3,
    qty: 20,
    tags: ['yellow'],
    spec: { color: 'yellow', size: 'M' },
  },
  { _id: 'i3', cat: 'veg', name: 'carrot', price: 2, qty: 0, tags: [], spec: { color: 'orange', size: 'S' } },
  { _id: 'i4', cat: 'veg', name: 'daikon', price: 4, qty: 7, spec: { color: 'white', size: 'L' } },
  { _id: 'i5', cat: 'fruit', name: 'cherry', price: 31, qty: 2, tags: null, spec: { color: 'red', size: 'XS' } },
  { _id: 'i6', cat: 'meat', name: 'beef', price: 60, qty: 1, tags: 'premium', spec: { color: 'red', size: 'L' } },
];

let t: TestCloud;

beforeAll(async () => {
  t = await startTestCloud({
    manifest: {
      collections: [
        { name: ITEMS, indexes: [] },
        { name: ORDERS, indexes: [] },
        { name: CUSTOMERS, indexes: [] },
        { name: MANY, indexes: [] },
      ],
    },
  });
  await t.db.collection(ITEMS).add({ data: items });
  await t.db.collection(ORDERS).add({
    data: [
      { _id: 'o1', customer: 'c1', amount: 10 },
      { _id: 'o2', customer: 'c2', amount: 20 },
      { _id: 'o3', customer: 'c9', amount: 30 },
      { _id: 'o4', amount: 40 },
    ],
  });
  await t.db.collection(CUSTOMERS).add({
    data: [
      { _id: 'c1', cid: 'c1', name: 'Ann' },
      { _id: 'c2', cid: 'c2', name: 'Bob' },
      { _id: 'c2b', cid: 'c2', name: 'Bob junior' },
      { _id: 'cx', name: 'no cid' },
      { _id: 'cn', cid: null, name: 'null cid' },
    ],
  });
  await t.db.collection(MANY).add({
    data: Array.from({ length: 60 }, (_, n) => ({ _id: `m${String(n).padStart(2, '0')}`, n })),
  });
});

afterAll(() => t.close());

const agg = (coll = ITEMS) => t.db.collection(coll).aggregate();
const ids = (list: Row[]) => list.map((row) => row._id as string).sort();
const byId = (a: Row, b: Row) => String(a._id).localeCompare(String(b._id));

describe('match (A1)', () => {
  test('query commands: price > 4', async () => {
    const { list } = await agg()
      .match({ price: t._.gt(4) })
      .end();
    expect(ids(list)).toEqual(['i1', 'i5', 'i6']);
  });

  test('several fields are ANDed, with _.in and _.lt', async () => {
    const { list } = await agg()
      .match({ cat: t._.in(['fruit', 'meat']), price: t._.lt(31) })
      .end();
    expect(ids(list)).toEqual(['i1', 'i2']);
  });

  test('_.or across fields at the root', async () => {
    const { list } = await agg()
      .match(t._.or([{ cat: 'veg' }, { qty: t._.lte(1) }]))
      .end();
    expect(ids(list)).toEqual(['i3', 'i4', 'i6']);
  });

  test('a nested object matches by dot path; other sub-fields do not matter (Q1)', async () => {
    const { list } = await agg()
      .match({ spec: { color: 'red' } })
      .end();
    expect(ids(list)).toEqual(['i1', 'i5', 'i6']);
    const dotted = await agg().match({ 'spec.size': 'L' }).end();
    expect(ids(dotted.list)).toEqual(['i4', 'i6']);
  });

  test('a match returns whole records', async () => {
    const { list } = await agg().match({ name: 'banana' }).end();
    expect(list).toEqual([items[1]]);
  });
});

describe('group (A2)', () => {
  test('one record per distinct key with $.sum and $.avg', async () => {
    const { list } = await agg()
      .group({ _id: '$cat', n: t.$.sum(1), avgPrice: t.$.avg('$price'), qty: t.$.sum('$qty') })
      .end();
    expect([...list].sort(byId)).toEqual([
      { _id: 'fruit', n: 3, avgPrice: 13, qty: 32 },
      { _id: 'meat', n: 1, avgPrice: 60, qty: 1 },
      { _id: 'veg', n: 2, avgPrice: 3, qty: 7 },
    ]);
  });

  test('a constant _id (null) gives one group over all records', async () => {
    const { list } = await agg()
      .group({ _id: null, n: t.$.sum(1), qty: t.$.sum('$qty'), avgQty: t.$.avg('$qty') })
      .end();
    expect(list).toEqual([{ _id: null, n: 6, qty: 40, avgQty: 40 / 6 }]);
  });

  test('a constant string _id gives one group keyed by that string', async () => {
    const { list } = await agg()
      .match({ cat: 'veg' })
      .group({ _id: 'all', n: t.$.sum(1), total: t.$.sum('$price') })
      .end();
    expect(list).toEqual([{ _id: 'all', n: 2, total: 6 }]);
  });
});

describe('project (A3)', () => {
  test('_id is included by default, other fields only if listed', async () => {
    const { list } = await agg().match({ _id: 'i1' }).project({ name: 1, price: 1 }).end();
    expect(list).toEqual([{ _id: 'i1', name: 'apple', price: 5 }]);
  });

  test('_id: 0 drops it', async () => {
    const { list } = await agg().match({ _id: 'i2' }).project({ _id: 0, name: 1, qty: 1 }).end();
    expect(list).toEqual([{ name: 'banana', qty: 20 }]);
  });

  test('excluding fields keeps all the others', async () => {
    const { list } = await agg().match({ _id: 'i4' }).project({ spec: 0, qty: 0 }).end();
    expect(list).toEqual([{ _id: 'i4', cat: 'veg', name: 'daikon', price: 4 }]);
  });

  test('a dot path projects a sub-field only', async () => {
    const { list } = await agg().match({ _id: 'i5' }).project({ _id: 0, 'spec.color': 1 }).end();
    expect(list).toEqual([{ spec: { color: 'red' } }]);
  });
});

describe('sort, limit, skip (A4, X5)', () => {
  test('sort then limit passes the first n on (doc example shape: match, ascending, limit 2)', async () => {
    const { list } = await agg()
      .match({ price: t._.gt(2) })
      .sort({ price: 1 })
      .limit(2)
      .end();
    expect(list.map((row: Row) => row._id)).toEqual(['i2', 'i4']);
  });

  test('sort by several keys, descending', async () => {
    const { list } = await agg().sort({ cat: 1, price: -1 }).project({ _id: 1 }).end();
    expect(list.map((row: Row) => row._id)).toEqual(['i5', 'i1', 'i2', 'i6', 'i4', 'i3']);
  });

  test('skip drops the first n records (X5)', async () => {
    const paged = await agg().sort({ price: 1 }).skip(2).limit(2).end();
    expect(paged.list.map((row: Row) => row._id)).toEqual(['i4', 'i1']);
    const tail = await agg().sort({ price: 1 }).skip(4).end();
    expect(tail.list.map((row: Row) => row._id)).toEqual(['i5', 'i6']);
  });
});

describe('unwind (A5)', () => {
  test('string form: one record per element; null, empty and missing arrays are dropped', async () => {
    const { list } = await agg().unwind('$tags').project({ tags: 1 }).sort({ _id: 1, tags: 1 }).end();
    // i6's scalar 'premium' counts as a one-element array (MongoDB); i3 [], i4 missing, i5 null are dropped.
    expect(list).toEqual([
      { _id: 'i1', tags: 'red' },
      { _id: 'i1', tags: 'sweet' },
      { _id: 'i2', tags: 'yellow' },
      { _id: 'i6', tags: 'premium' },
    ]);
  });

  test('unwound records keep every other field', async () => {
    const { list } = await agg().match({ _id: 'i2' }).unwind('$tags').end();
    expect(list).toEqual([{ ...items[1], tags: 'yellow' }]);
  });

  test('object form with includeArrayIndex stores each element index', async () => {
    const { list } = await agg()
      .unwind({ path: '$tags', includeArrayIndex: 'idx' })
      .project({ tags: 1, idx: 1 })
      .sort({ _id: 1, idx: 1 })
      .end();
    expect(list).toEqual([
      { _id: 'i1', tags: 'red', idx: 0 },
      { _id: 'i1', tags: 'sweet', idx: 1 },
      { _id: 'i2', tags: 'yellow', idx: 0 },
      { _id: 'i6', tags: 'premium', idx: null },
    ]);
  });

  test('preserveNullAndEmptyArrays keeps records whose array is null, empty or missing', async () => {
    const { list } = await agg()
      .unwind({ path: '$tags', includeArrayIndex: 'idx', preserveNullAndEmptyArrays: true })
      .project({ tags: 1, idx: 1 })
      .sort({ _id: 1, idx: 1 })
      .end();
    expect(list).toEqual([
      { _id: 'i1', tags: 'red', idx: 0 },
      { _id: 'i1', tags: 'sweet', idx: 1 },
      { _id: 'i2', tags: 'yellow', idx: 0 },
      { _id: 'i3', idx: null },
      { _id: 'i4', idx: null },
      { _id: 'i5', tags: null, idx: null },
      { _id: 'i6', tags: 'premium', idx: null },
    ]);
  });
});

describe('lookup (A6)', () => {
  test('left outer join: matches, no match gives [], a missing local field counts as null', async () => {
    const { list } = await agg(ORDERS)
      .lookup({ from: CUSTOMERS, localField: 'customer', foreignField: 'cid', as: 'who' })
      .sort({ _id: 1 })
      .end();
    const joined = list.map((row: Row) => ({ ...row, who: [...(row.who as Row[])].sort(byId) }));
    expect(joined).toEqual([
      { _id: 'o1', customer: 'c1', amount: 10, who: [{ _id: 'c1', cid: 'c1', name: 'Ann' }] },
      {
        _id: 'o2',
        customer: 'c2',
        amount: 20,
        who: [
          { _id: 'c2', cid: 'c2', name: 'Bob' },
          { _id: 'c2b', cid: 'c2', name: 'Bob junior' },
        ],
      },
      { _id: 'o3', customer: 'c9', amount: 30, who: [] },
      {
        _id: 'o4',
        amount: 40,
        who: [
          { _id: 'cn', cid: null, name: 'null cid' },
          { _id: 'cx', name: 'no cid' },
        ],
      },
    ]);
  });

  test('lookup into a collection where nothing matches keeps every record with an empty array', async () => {
    const { list } = await agg(ORDERS)
      .lookup({ from: ITEMS, localField: 'customer', foreignField: 'name', as: 'none' })
      .project({ none: 1 })
      .sort({ _id: 1 })
      .end();
    // o4 has no customer: null matches items lacking `name`, and every item has one.
    expect(list).toEqual([
      { _id: 'o1', none: [] },
      { _id: 'o2', none: [] },
      { _id: 'o3', none: [] },
      { _id: 'o4', none: [] },
    ]);
  });
});

describe('addFields (X4)', () => {
  test('adds computed fields and keeps all existing ones', async () => {
    const { list } = await agg()
      .match({ _id: t._.in(['i1', 'i4']) })
      .addFields({ total: t.$.multiply(['$price', '$qty']), origin: 'local' })
      .sort({ _id: 1 })
      .end();
    expect(list).toEqual([
      { ...items[0], total: 50, origin: 'local' },
      { ...items[3], total: 28, origin: 'local' },
    ]);
  });
});

describe('count and sortByCount (A7, A8)', () => {
  test('count outputs one record with the number of input records', async () => {
    const all = await agg().count('n').end();
    expect(all.list).toEqual([{ n: 6 }]);
    const fruit = await agg().match({ cat: 'fruit' }).count('fruitCount').end();
    expect(fruit.list).toEqual([{ fruitCount: 3 }]);
  });

  test('sortByCount groups by the expression and sorts by count, descending', async () => {
    const { list } = await agg().sortByCount('$cat').end();
    expect(list).toEqual([
      { _id: 'fruit', count: 3 },
      { _id: 'veg', count: 2 },
      { _id: 'meat', count: 1 },
    ]);
  });

  test('sortByCount over unwound elements', async () => {
    const { list } = await agg().unwind('$tags').sortByCount('$tags').end();
    expect(list).toHaveLength(4);
    expect([...list].sort(byId)).toEqual([
      { _id: 'premium', count: 1 },
      { _id: 'red', count: 1 },
      { _id: 'sweet', count: 1 },
      { _id: 'yellow', count: 1 },
    ]);
  });
});

describe('bucket (A9)', () => {
  // prices: i3 2, i2 3, i4 4, i1 5, i5 31, i6 60
  test('_id is the lower boundary of [lower, next); default collects the rest; count by default', async () => {
    const { list } = await agg()
      .bucket({ groupBy: '$price', boundaries: [0, 5, 10, 50], default: 'expensive' })
      .end();
    expect(list).toEqual([
      { _id: 0, count: 3 },
      { _id: 5, count: 1 },
      { _id: 10, count: 1 },
      { _id: 'expensive', count: 1 },
    ]);
  });

  test('a value equal to a boundary goes to the bucket that starts there; the last boundary is exclusive', async () => {
    const { list } = await agg()
      .bucket({ groupBy: '$price', boundaries: [2, 4, 31], default: 'other' })
      .end();
    // [2,4): 2, 3   [4,31): 4, 5   31 and 60 are outside → default
    expect(list).toEqual([
      { _id: 2, count: 2 },
      { _id: 4, count: 2 },
      { _id: 'other', count: 2 },
    ]);
  });

  test('with output, each bucket has only the listed fields (no count)', async () => {
    const { list } = await agg()
      .bucket({
        groupBy: '$price',
        boundaries: [0, 5, 10, 50],
        default: 'expensive',
        output: { qty: t.$.sum('$qty'), top: t.$.max('$price') },
      })
      .end();
    expect(list).toEqual([
      { _id: 0, qty: 27, top: 4 },
      { _id: 5, qty: 10, top: 5 },
      { _id: 10, qty: 2, top: 31 },
      { _id: 'expensive', qty: 1, top: 60 },
    ]);
  });

  test('output may ask for a count explicitly', async () => {
    const { list } = await agg()
      .bucket({ groupBy: '$qty', boundaries: [0, 10], default: 'many', output: { count: t.$.sum(1) } })
      .end();
    // qty 0, 7, 2, 1 are in [0,10); 10 and 20 are not
    expect(list).toEqual([
      { _id: 0, count: 4 },
      { _id: 'many', count: 2 },
    ]);
  });

  test('empty buckets are not output', async () => {
    const { list } = await agg()
      .bucket({ groupBy: '$price', boundaries: [0, 5, 10, 20, 50, 100] })
      .end();
    // [10,20) holds nothing and must not appear
    expect(list).toEqual([
      { _id: 0, count: 3 },
      { _id: 5, count: 1 },
      { _id: 20, count: 1 },
      { _id: 50, count: 1 },
    ]);
  });

  test('empty buckets are not output with output fields either', async () => {
    const { list } = await agg()
      .bucket({ groupBy: '$price', boundaries: [0, 1, 5, 100], output: { names: t.$.addToSet('$cat') } })
      .end();
    // [0,1) is empty
    expect(list.map((row: Row) => row._id)).toEqual([1, 5]);
    expect((list[0].names as string[]).sort()).toEqual(['fruit', 'veg']);
    expect((list[1].names as string[]).sort()).toEqual(['fruit', 'meat']);
  });

  test('an empty default bucket is not output', async () => {
    const { list } = await agg()
      .bucket({ groupBy: '$price', boundaries: [0, 100], default: 'other' })
      .end();
    expect(list).toEqual([{ _id: 0, count: 6 }]);
  });

  test('records whose groupBy field is missing go to the default bucket', async () => {
    const { list } = await agg()
      .bucket({ groupBy: '$weight', boundaries: [0, 10], default: 'unknown' })
      .end();
    expect(list).toEqual([{ _id: 'unknown', count: 6 }]);
  });
});

describe('result cap (X3)', () => {
  test('without a limit stage at most 20 records come back', async () => {
    const { list } = await agg(MANY).sort({ n: 1 }).end();
    expect(list).toHaveLength(20);
    expect(list.map((row: Row) => row.n)).toEqual(Array.from({ length: 20 }, (_, n) => n));
  });

  test('the cap also applies after a match', async () => {
    const { list } = await agg(MANY)
      .match({ n: t._.gte(30) })
      .sort({ n: -1 })
      .end();
    expect(list.map((row: Row) => row.n)).toEqual(Array.from({ length: 20 }, (_, i) => 59 - i));
  });

  test('limit(50) returns 50', async () => {
    const { list } = await agg(MANY).sort({ n: 1 }).limit(50).end();
    expect(list).toHaveLength(50);
    expect(list[49]).toEqual({ _id: 'm49', n: 49 });
  });
});
