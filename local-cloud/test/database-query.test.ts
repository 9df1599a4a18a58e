/**
 * Queries through the real wx-server-sdk against the local cloud. Fact ids (Q1, X2, …) refer to
 * docs/wechat-db-semantics.md (the fact ids are its headings).
 */
import { type TestCloud, rejection, startTestCloud } from 'wx-local-cloud/testing';

let t: TestCloud;

const GOODS = [
  {
    _id: 'g1',
    name: 'apple',
    price: 10,
    inStock: true,
    style: { color: 'red', size: 'L' },
    numbers: [10, 20, 30],
    tags: ['fruit', 'red'],
    places: [
      { area: 150, age: 3 },
      { area: 50, age: 1 },
    ],
  },
  {
    _id: 'g2',
    name: 'Banana',
    price: 60,
    inStock: true,
    style: { color: 'yellow', size: 'M' },
    numbers: [20, 30],
    tags: ['fruit'],
    places: [{ area: 120, age: 1 }],
  },
  {
    _id: 'g3',
    name: 'carrot',
    price: 90,
    inStock: false,
    style: { color: 'red', size: 'S' },
    numbers: [5],
    tags: ['vegetable', 'red', 'orange'],
    places: [],
  },
  {
    _id: 'g4',
    name: 'durian',
    price: 150,
    style: { color: 'green' },
    numbers: [20, 30, 40],
    tags: [],
    extra: 'x',
  },
];

const PEOPLE = [
  { _id: 'p1', name: 'Bo', age: 30, address: { city: 'Shanghai' } },
  { _id: 'p2', name: 'Al', age: 30, address: { city: 'Beijing' } },
  { _id: 'p3', name: 'Cy', age: 25, address: { city: 'Chengdu' } },
  { _id: 'p4', name: 'Di', age: 41, address: { city: 'Anqing' } },
  { _id: 'p5', name: 'Ed', age: 25, address: { city: 'Dalian' } },
];

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Row = any;

const goods = () => t.db.collection('goods');

/** The _ids a `where` on goods returns, sorted. */
async function goodsIds(condition: unknown): Promise<string[]> {
  const { data } = await goods().where(condition).get();
  return (data as Row[]).map((d) => d._id as string).sort();
}

/** Inserts `count` records `{n}` with the SDK's array form of add, in chunks. */
async function fill(collection: string, count: number, chunk = 250): Promise<void> {
  for (let start = 0; start < count; start += chunk) {
    const data = [];
    for (let n = start; n < Math.min(count, start + chunk); n++) data.push({ n });
    const { _ids } = await t.db.collection(collection).add({ data });
    expect(_ids).toHaveLength(data.length);
  }
}

beforeAll(async () => {
  t = await startTestCloud({
    manifest: {
      collections: [
        { name: 'goods', indexes: [] },
        { name: 'people', indexes: [] },
        { name: 'paging', indexes: [] },
        { name: 'big', indexes: [] },
        { name: 'huge', indexes: [] },
        { name: 'dates', indexes: [] },
        { name: 'texts', indexes: [] },
        {
          name: 'goodsIx',
          indexes: [
            { name: 'price', keys: { price: 1 } },
            { name: 'color', keys: { 'style.color': 1 } },
            { name: 'tags', keys: { tags: 1 } },
            { name: 'stock_price', keys: { inStock: 1, price: -1 } },
            { name: 'area', keys: { 'places.area': 1 } },
          ],
        },
      ],
    },
  });
  await t.db.collection('goods').add({ data: GOODS });
  await t.db.collection('goodsIx').add({ data: GOODS });
  await t.db.collection('texts').add({
    data: [
      { _id: 't1', body: 'first line\nbanana split' },
      { _id: 't2', body: 'Banana\nsecond' },
      { _id: 't3', body: 'a.b' },
    ],
  });
  await t.db.collection('people').add({ data: PEOPLE });
  await fill('paging', 25);
  await fill('big', 150);
  await fill('huge', 1100);
});
afterAll(() => t.close());

describe('where with plain values (Q0)', () => {
  test('Q0: a single key/value pair is an equality condition', async () => {
    expect(await goodsIds({ inStock: true })).toEqual(['g1', 'g2']);
    expect(await goodsIds({ name: 'carrot' })).toEqual(['g3']);
  });

  test('Q0: several pairs are ANDed', async () => {
    expect(await goodsIds({ inStock: true, price: 60 })).toEqual(['g2']);
    expect(await goodsIds({ inStock: true, price: 90 })).toEqual([]);
  });

  test('Q0: _id is matched by equality too', async () => {
    const { data } = await goods().where({ _id: 'g3' }).get();
    expect(data).toEqual([GOODS[2]]);
  });

  test('B1: stored values read back exactly as written', async () => {
    const { data } = await goods().doc('g1').get();
    expect(data).toEqual(GOODS[0]);
  });
});

describe('nested objects (Q1)', () => {
  test('Q1: {style: {color}} matches by dot path, ignoring the other sub-fields', async () => {
    // MongoDB (and mingo alone) would demand style to be exactly {color: 'red'} and match nothing.
    expect(await goodsIds({ style: { color: 'red' } })).toEqual(['g1', 'g3']);
  });

  test('Q1: the dot-path form gives the same answer', async () => {
    expect(await goodsIds({ 'style.color': 'red' })).toEqual(['g1', 'g3']);
  });

  test('Q1: several nested sub-fields must all hold', async () => {
    expect(await goodsIds({ style: { color: 'red', size: 'S' } })).toEqual(['g3']);
    expect(await goodsIds({ style: { color: 'yellow', size: 'S' } })).toEqual([]);
  });

  test('Q1: a nested object may hold a query command', async () => {
    expect(await goodsIds({ style: { size: t._.in(['L', 'M']) } })).toEqual(['g1', 'g2']);
  });
});

describe('arrays (Q2)', () => {
  test('Q2: a whole array matches only the identical array', async () => {
    // g4 has [20, 30, 40]: a prefix is not a match.
    expect(await goodsIds({ numbers: [20, 30] })).toEqual(['g2']);
    expect(await goodsIds({ numbers: [30, 20] })).toEqual([]);
  });

  test('Q2: a scalar matches an array that contains it', async () => {
    expect(await goodsIds({ numbers: 30 })).toEqual(['g1', 'g2', 'g4']);
    expect(await goodsIds({ tags: 'red' })).toEqual(['g1', 'g3']);
  });

  test("Q2: 'numbers.1' addresses the second element", async () => {
    expect(await goodsIds({ 'numbers.1': 20 })).toEqual(['g1']);
    expect(await goodsIds({ 'numbers.1': t._.gt(25) })).toEqual(['g2', 'g4']);
  });

  test('Q2: a query command matches when some element satisfies it', async () => {
    expect(await goodsIds({ numbers: t._.gt(35) })).toEqual(['g4']);
    expect(await goodsIds({ numbers: t._.lt(8) })).toEqual(['g3']);
  });
});

describe('array commands', () => {
  test('Q3: _.elemMatch needs one element meeting every condition', async () => {
    const _ = t._;
    expect(await goodsIds({ places: _.elemMatch({ area: _.gt(100), age: _.lt(2) }) })).toEqual(['g2']);
  });

  test('Q3: without elemMatch the conditions may be met by different elements', async () => {
    const _ = t._;
    // g1: {area 150, age 3} meets the area, {area 50, age 1} the age.
    expect(await goodsIds({ places: { area: _.gt(100), age: _.lt(2) } })).toEqual(['g1', 'g2']);
  });

  test('Q4: _.size(n) matches arrays of length n', async () => {
    expect(await goodsIds({ tags: t._.size(0) })).toEqual(['g4']);
    expect(await goodsIds({ tags: t._.size(3) })).toEqual(['g3']);
    expect(await goodsIds({ numbers: t._.size(2) })).toEqual(['g2']);
  });

  test('Q5: _.all matches arrays containing every given element', async () => {
    expect(await goodsIds({ tags: t._.all(['fruit', 'red']) })).toEqual(['g1']);
    expect(await goodsIds({ tags: t._.all(['red']) })).toEqual(['g1', 'g3']);
    expect(await goodsIds({ tags: t._.all(['fruit', 'orange']) })).toEqual([]);
  });
});

describe('field commands', () => {
  test('Q6: _.exists(true/false) tests presence', async () => {
    expect(await goodsIds({ inStock: t._.exists(false) })).toEqual(['g4']);
    expect(await goodsIds({ places: t._.exists(true) })).toEqual(['g1', 'g2', 'g3']);
    expect(await goodsIds({ extra: t._.exists(true) })).toEqual(['g4']);
  });

  test('Q7: _.in matches values in the list', async () => {
    expect(await goodsIds({ name: t._.in(['apple', 'carrot', 'zzz']) })).toEqual(['g1', 'g3']);
    expect(await goodsIds({ price: t._.in([]) })).toEqual([]);
  });

  test('Q7: _.nin matches values not in the list', async () => {
    expect(await goodsIds({ price: t._.nin([10, 60]) })).toEqual(['g3', 'g4']);
  });

  test('X2: _.nin also matches records that lack the field', async () => {
    expect(await goodsIds({ inStock: t._.nin([true]) })).toEqual(['g3', 'g4']);
  });

  test('Q9: _.neq matches records whose field differs', async () => {
    expect(await goodsIds({ price: t._.neq(10) })).toEqual(['g2', 'g3', 'g4']);
    expect(await goodsIds({ tags: t._.neq('red') })).toEqual(['g2', 'g4']);
  });

  test('X1: _.neq also matches records that lack the field', async () => {
    expect(await goodsIds({ inStock: t._.neq(true) })).toEqual(['g3', 'g4']);
  });

  test('Q6: _.exists works on a dot path', async () => {
    expect(await goodsIds({ 'style.size': t._.exists(false) })).toEqual(['g4']);
    expect(await goodsIds({ 'style.size': t._.exists(true) })).toEqual(['g1', 'g2', 'g3']);
  });

  test('Q9: _.eq / _.neq with an array literal compare whole arrays', async () => {
    expect(await goodsIds({ tags: t._.eq(['fruit']) })).toEqual(['g2']);
    expect(await goodsIds({ tags: t._.neq(['fruit']) })).toEqual(['g1', 'g3', 'g4']);
  });

  test('Q9: _.neq with an object literal excludes only the identical sub-document', async () => {
    expect(await goodsIds({ style: t._.neq({ color: 'green' }) })).toEqual(['g1', 'g2', 'g3']);
  });

  test('Q2: a command on a dot path through an array of objects', async () => {
    expect(await goodsIds({ 'places.area': t._.gt(140) })).toEqual(['g1']);
    expect(await goodsIds({ 'places.age': 1 })).toEqual(['g1', 'g2']);
  });

  test('X10: _.eq(object) matches only an identical sub-document', async () => {
    expect(await goodsIds({ style: t._.eq({ color: 'green' }) })).toEqual(['g4']);
    // g1 and g3 have color red but also a size: not identical.
    expect(await goodsIds({ style: t._.eq({ color: 'red' }) })).toEqual([]);
    expect(await goodsIds({ style: t._.eq({ color: 'red', size: 'L' }) })).toEqual(['g1']);
  });
});

describe('and / or (Q8)', () => {
  test('Q8: _.gt().and(_.lt()) on a field', async () => {
    const _ = t._;
    expect(await goodsIds({ price: _.gt(50).and(_.lt(100)) })).toEqual(['g2', 'g3']);
  });

  test('Q8: _.and(a, b) on a field', async () => {
    const _ = t._;
    expect(await goodsIds({ price: _.and(_.gt(50), _.lt(100)) })).toEqual(['g2', 'g3']);
  });

  test('Q8: chained _.gt().lt() is an and', async () => {
    const _ = t._;
    expect(await goodsIds({ price: _.gt(50).lt(100) })).toEqual(['g2', 'g3']);
  });

  test('Q8: _.gt().or(_.lt()) on a field', async () => {
    const _ = t._;
    expect(await goodsIds({ price: _.gt(80).or(_.lt(20)) })).toEqual(['g1', 'g3', 'g4']);
  });

  test('Q8: _.or([...]) across fields at the root', async () => {
    const _ = t._;
    expect(await goodsIds(_.or([{ price: _.lt(20) }, { inStock: false }]))).toEqual(['g1', 'g3']);
  });

  test('Q8/Q1: root _.or with nested objects still matches by dot path', async () => {
    const _ = t._;
    expect(await goodsIds(_.or([{ style: { color: 'green' } }, { style: { size: 'M' } }]))).toEqual(['g2', 'g4']);
  });

  test('Q8: _.and([...]) across fields at the root', async () => {
    const _ = t._;
    expect(await goodsIds(_.and([{ inStock: true }, { price: _.gt(20) }]))).toEqual(['g2']);
    expect(await goodsIds(_.and([{ inStock: false }, { price: _.gt(100) }]))).toEqual([]);
  });
});

describe('regular expressions (Q10)', () => {
  test('Q10: a native RegExp is case-sensitive without flags', async () => {
    expect(await goodsIds({ name: /an/ })).toEqual(['g2', 'g4']);
    expect(await goodsIds({ name: /^b/ })).toEqual([]);
  });

  test('Q10: a native RegExp with flag i ignores case', async () => {
    expect(await goodsIds({ name: /^b/i })).toEqual(['g2']);
  });

  test('Q10: db.RegExp({regexp, options}) works, with and without i', async () => {
    expect(await goodsIds({ name: t.db.RegExp({ regexp: '^B' }) })).toEqual(['g2']);
    expect(await goodsIds({ name: t.db.RegExp({ regexp: '^c' }) })).toEqual(['g3']);
    expect(await goodsIds({ name: t.db.RegExp({ regexp: '^C' }) })).toEqual([]);
    expect(await goodsIds({ name: t.db.RegExp({ regexp: '^C', options: 'i' }) })).toEqual(['g3']);
  });
});

describe('regular expression flags m and s (Q10)', () => {
  const textIds = async (condition: unknown) => {
    const { data } = await t.db.collection('texts').where(condition).get();
    return (data as Row[]).map((d) => d._id as string).sort();
  };

  test('Q10: without m, ^ anchors at the start of the string only', async () => {
    expect(await textIds({ body: t.db.RegExp({ regexp: '^banana' }) })).toEqual([]);
  });

  test('Q10: flag m makes ^ match at each line start', async () => {
    expect(await textIds({ body: t.db.RegExp({ regexp: '^banana', options: 'm' }) })).toEqual(['t1']);
    expect(await textIds({ body: t.db.RegExp({ regexp: '^banana', options: 'im' }) })).toEqual(['t1', 't2']);
    expect(await textIds({ body: /^second$/m })).toEqual(['t2']);
  });

  test('Q10: flag s lets . match a newline', async () => {
    expect(await textIds({ body: t.db.RegExp({ regexp: 'line.banana' }) })).toEqual([]);
    expect(await textIds({ body: t.db.RegExp({ regexp: 'line.banana', options: 's' }) })).toEqual(['t1']);
  });

  test('Q10: the pattern is a regular expression, not a literal string', async () => {
    expect(await textIds({ body: t.db.RegExp({ regexp: '^a.b$' }) })).toEqual(['t3']);
    expect(await textIds({ body: t.db.RegExp({ regexp: 'a\\.b' }) })).toEqual(['t3']);
    expect(await textIds({ body: t.db.RegExp({ regexp: 'Banana$' }) })).toEqual([]);
  });
});

describe('order, skip and limit', () => {
  test('Q11: orderBy on several fields sorts in call order', async () => {
    const { data } = await t.db.collection('people').orderBy('age', 'desc').orderBy('name', 'asc').get();
    expect((data as Row[]).map((p) => p._id)).toEqual(['p4', 'p2', 'p1', 'p3', 'p5']);
  });

  test('Q11: the second field only breaks ties (reversed directions)', async () => {
    const { data } = await t.db.collection('people').orderBy('age', 'asc').orderBy('name', 'desc').get();
    expect((data as Row[]).map((p) => p._id)).toEqual(['p5', 'p3', 'p1', 'p2', 'p4']);
  });

  test('Q11: orderBy a nested field by dot path', async () => {
    const asc = await t.db.collection('people').orderBy('address.city', 'asc').get();
    expect((asc.data as Row[]).map((p) => p.address.city)).toEqual([
      'Anqing',
      'Beijing',
      'Chengdu',
      'Dalian',
      'Shanghai',
    ]);
    const desc = await t.db.collection('people').orderBy('address.city', 'desc').get();
    expect((desc.data as Row[]).map((p) => p._id)).toEqual(['p1', 'p5', 'p3', 'p2', 'p4']);
  });

  test('Q12: skip + limit page through the ordered matches', async () => {
    const page = (skip: number, limit: number) =>
      t.db
        .collection('paging')
        .orderBy('n', 'asc')
        .skip(skip)
        .limit(limit)
        .get()
        .then((r: Row) => (r.data as Row[]).map((d) => d.n));
    expect(await page(0, 5)).toEqual([0, 1, 2, 3, 4]);
    expect(await page(10, 5)).toEqual([10, 11, 12, 13, 14]);
    expect(await page(20, 10)).toEqual([20, 21, 22, 23, 24]);
    expect(await page(30, 10)).toEqual([]);
  });

  test('Q12: skip applies to the matched records, after the where', async () => {
    const { data } = await t.db
      .collection('paging')
      .where({ n: t._.gte(10) })
      .orderBy('n', 'desc')
      .skip(3)
      .limit(4)
      .get();
    expect((data as Row[]).map((d) => d.n)).toEqual([21, 20, 19, 18]);
  });

  test('Q13: get() without limit returns at most 100 records', async () => {
    const { data } = await t.db.collection('big').get();
    expect(data).toHaveLength(100);
    const { total } = await t.db.collection('big').count();
    expect(total).toBe(150);
  });

  test('Q13: limit may go up to 1000, larger values are capped at 1000', async () => {
    const { data } = await t.db.collection('huge').limit(2000).get();
    expect(data).toHaveLength(1000);
    const exact = await t.db.collection('huge').limit(1000).get();
    expect(exact.data).toHaveLength(1000);
  });

  test('Q13: a limit above 100 is honoured, and skip reaches the rest', async () => {
    const some = await t.db.collection('huge').limit(250).get();
    expect(some.data).toHaveLength(250);
    const rest = await t.db.collection('huge').orderBy('n', 'asc').skip(1000).limit(1000).get();
    expect((rest.data as Row[]).map((d) => d.n)).toEqual(Array.from({ length: 100 }, (_x, i) => 1000 + i));
  });
});

describe('projection (Q14)', () => {
  test('Q14/X9: field({a: true}) returns only those fields, plus _id', async () => {
    const { data } = await goods().where({ _id: 'g1' }).field({ name: true, price: true }).get();
    expect(data).toEqual([{ _id: 'g1', name: 'apple', price: 10 }]);
  });

  test('Q14: field({a: false}) omits those fields and keeps the others', async () => {
    const { data } = await goods()
      .where({ _id: 'g2' })
      .field({ style: false, numbers: false, places: false, tags: false })
      .get();
    expect(data).toEqual([{ _id: 'g2', name: 'Banana', price: 60, inStock: true }]);
  });

  test('Q14: a nested field can be selected by dot path', async () => {
    const { data } = await goods().where({ _id: 'g1' }).field({ 'style.color': true }).get();
    expect(data).toEqual([{ _id: 'g1', style: { color: 'red' } }]);
  });

  test('Q14: 1 returns and -1 / 0 omit, like true and false', async () => {
    const included = await goods().where({ _id: 'g4' }).field({ name: 1, extra: 1 }).get();
    expect(included.data).toEqual([{ _id: 'g4', name: 'durian', extra: 'x' }]);
    const excluded = await goods().where({ _id: 'g4' }).field({ style: -1, numbers: 0, tags: -1, extra: 0 }).get();
    expect(excluded.data).toEqual([{ _id: 'g4', name: 'durian', price: 150 }]);
  });

  test('Q14: projection combines with where, orderBy and limit', async () => {
    const { data } = await goods()
      .where({ inStock: true })
      .orderBy('price', 'desc')
      .limit(1)
      .field({ name: true })
      .get();
    expect(data).toEqual([{ _id: 'g2', name: 'Banana' }]);
  });

  test('Q14: doc(id).field() selects fields too', async () => {
    const { data } = await goods().doc('g3').field({ name: true, inStock: true }).get();
    expect(data).toEqual({ _id: 'g3', name: 'carrot', inStock: false });
  });
});

describe('count (Q15)', () => {
  test('Q15: count() totals the records matching the query', async () => {
    expect((await goods().count()).total).toBe(4);
    expect((await goods().where({ inStock: true }).count()).total).toBe(2);
    expect(
      (
        await goods()
          .where({ style: { color: 'red' } })
          .count()
      ).total,
    ).toBe(2);
    expect(
      (
        await goods()
          .where({ price: t._.gt(1000) })
          .count()
      ).total,
    ).toBe(0);
  });

  test('Q15: count is not capped at 100 like get()', async () => {
    expect(
      (
        await t.db
          .collection('big')
          .where({ n: t._.gte(0) })
          .count()
      ).total,
    ).toBe(150);
  });
});

describe('dates (Q16, B7)', () => {
  const jan = new Date('2024-01-15T00:00:00.000Z');
  const mar = new Date('2024-03-15T00:00:00.000Z');
  const jun = new Date('2024-06-15T00:00:00.000Z');

  beforeAll(async () => {
    await t.db.collection('dates').add({
      data: [
        { _id: 'jan', at: jan },
        { _id: 'mar', at: mar },
        { _id: 'jun', at: jun },
        { _id: 'now', at: t.db.serverDate() },
        { _id: 'hourAgo', at: t.db.serverDate({ offset: -3_600_000 }) },
        { _id: 'dayAhead', at: t.db.serverDate({ offset: 86_400_000 }) },
      ],
    });
  });

  const dateIds = async (condition: unknown) => {
    const { data } = await t.db.collection('dates').where(condition).get();
    return (data as Row[]).map((d) => d._id as string).sort();
  };

  test('Q16/B1: a Date reads back as a Date with the same instant', async () => {
    const { data } = await t.db.collection('dates').doc('mar').get();
    expect(data.at).toBeInstanceOf(Date);
    expect(data.at.getTime()).toBe(mar.getTime());
  });

  test('Q16: Dates compare in query conditions', async () => {
    const _ = t._;
    expect(await dateIds({ at: _.gte(mar).and(_.lt(new Date('2025-01-01'))) })).toEqual(['jun', 'mar']);
    expect(await dateIds({ at: _.lt(new Date('2024-02-01')) })).toEqual(['jan']);
    expect(await dateIds({ at: jun })).toEqual(['jun']);
  });

  test('Q11/Q16: orderBy sorts Dates chronologically', async () => {
    const { data } = await t.db.collection('dates').orderBy('at', 'asc').get();
    expect((data as Row[]).map((d) => d._id)).toEqual(['jan', 'mar', 'jun', 'hourAgo', 'now', 'dayAhead']);
  });

  test('B7: db.serverDate() stores the server time as a Date', async () => {
    const { data } = await t.db.collection('dates').doc('now').get();
    expect(data.at).toBeInstanceOf(Date);
    expect(Math.abs(data.at.getTime() - Date.now())).toBeLessThan(10_000);
  });

  test('B7: serverDate({offset}) adds the offset in ms, negative or positive', async () => {
    const ago = (await t.db.collection('dates').doc('hourAgo').get()).data.at as Date;
    const ahead = (await t.db.collection('dates').doc('dayAhead').get()).data.at as Date;
    expect(ago).toBeInstanceOf(Date);
    expect(Math.abs(ago.getTime() - (Date.now() - 3_600_000))).toBeLessThan(10_000);
    expect(Math.abs(ahead.getTime() - (Date.now() + 86_400_000))).toBeLessThan(10_000);
  });

  test('B7: serverDate works in query conditions', async () => {
    const _ = t._;
    // Within the last 30 minutes (server time): only the record stamped "now".
    expect(await dateIds({ at: _.gt(t.db.serverDate({ offset: -1_800_000 })).and(_.lt(t.db.serverDate())) })).toEqual([
      'now',
    ]);
    expect(await dateIds({ at: _.gt(t.db.serverDate()) })).toEqual(['dayAhead']);
  });
});

describe('the same answers through indexes', () => {
  // goodsIx holds the same records as goods, with single, nested, multikey and compound indexes.
  const cases: [string, () => unknown, string[]][] = [
    ['Q0 equality on an indexed field', () => ({ price: 60 }), ['g2']],
    ['Q0 equality on the compound index', () => ({ inStock: true, price: 10 }), ['g1']],
    ['Q0 compound index prefix', () => ({ inStock: true }), ['g1', 'g2']],
    ['Q1 nested object over an indexed dot path', () => ({ style: { color: 'red' } }), ['g1', 'g3']],
    ['Q2 scalar in a multikey index', () => ({ tags: 'red' }), ['g1', 'g3']],
    ['Q2 whole array on a multikey index', () => ({ tags: ['fruit'] }), ['g2']],
    ['Q2 element command through an array of objects', () => ({ 'places.area': t._.gt(140) }), ['g1']],
    ['Q7 _.in on an indexed field', () => ({ price: t._.in([10, 150, 7]) }), ['g1', 'g4']],
    ['Q8 range on an indexed field', () => ({ price: t._.gt(50).and(t._.lt(100)) }), ['g2', 'g3']],
    ['Q8 lower bound only', () => ({ price: t._.gte(90) }), ['g3', 'g4']],
    ['Q8 upper bound only', () => ({ price: t._.lte(60) }), ['g1', 'g2']],
    ['Q8 root _.and over indexed fields', () => t._.and([{ price: t._.gt(20) }, { price: t._.lt(100) }]), ['g2', 'g3']],
    ['Q8 root _.or over indexed fields', () => t._.or([{ price: 10 }, { tags: 'vegetable' }]), ['g1', 'g3']],
    ['X1 _.neq on an indexed field', () => ({ inStock: t._.neq(true) }), ['g3', 'g4']],
    ['Q6 _.exists(false) on an indexed field', () => ({ inStock: t._.exists(false) }), ['g4']],
    ['Q4 _.size(0) on a multikey index', () => ({ tags: t._.size(0) }), ['g4']],
  ];

  test.each(cases)('%s', async (_name, condition, expected) => {
    const { data } = await t.db.collection('goodsIx').where(condition()).get();
    expect((data as Row[]).map((d) => d._id as string).sort()).toEqual(expected);
    expect(await goodsIds(condition())).toEqual(expected);
    expect((await t.db.collection('goodsIx').where(condition()).count()).total).toBe(expected.length);
  });

  test('Q11: an indexed field sorts the same', async () => {
    const { data } = await t.db
      .collection('goodsIx')
      .where({ price: t._.gt(0) })
      .orderBy('price', 'desc')
      .get();
    expect((data as Row[]).map((d) => d._id)).toEqual(['g4', 'g3', 'g2', 'g1']);
  });
});

describe('missing records and collections', () => {
  test('B2: doc(id).get() of a missing id rejects', async () => {
    const error = await rejection(goods().doc('no-such-id').get());
    expect(String(error.errMsg ?? error.message ?? error)).toContain('does not exist');
  });

  test('B2: with throwOnNotFound:false it resolves {data: null}', async () => {
    const lenient = t.sdk.database({ throwOnNotFound: false });
    const { data } = await lenient.collection('goods').doc('no-such-id').get();
    expect(data).toBeNull();
    const found = await lenient.collection('goods').doc('g2').get();
    expect(found.data._id).toBe('g2');
  });

  test('E1: get() on a missing collection rejects with -502005', async () => {
    const error = await rejection(t.db.collection('nope').get());
    expect(error.errCode).toBe(-502005);
    expect(typeof error.errMsg).toBe('string');
  });

  test('E1: doc(id).get() on a missing collection rejects with -502005', async () => {
    const error = await rejection(t.db.collection('nope').doc('x').get());
    expect(error.errCode).toBe(-502005);
  });

  test('X7: count() on a missing collection rejects with -502005', async () => {
    const error = await rejection(t.db.collection('nope').count());
    expect(error.errCode).toBe(-502005);
  });

  test('X6: add() into a missing collection rejects with -502005 and creates nothing', async () => {
    const error = await rejection(t.db.collection('nope').add({ data: { a: 1 } }));
    expect(error.errCode).toBe(-502005);
    const again = await rejection(t.db.collection('nope').count());
    expect(again.errCode).toBe(-502005);
  });
});
