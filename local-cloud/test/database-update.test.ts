/**
 * Writes and update operators through the real wx-server-sdk against the local cloud. Fact ids (B3, U6, …) refer
 * to docs/wechat-db-semantics.md (the fact ids are its headings).
 */
import { type TestCloud, rejection, startTestCloud, adminCall } from 'wx-local-cloud/testing';

let t: TestCloud;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Row = any;

beforeAll(async () => {
  t = await startTestCloud({
    manifest: {
      collections: [
        { name: 'u', indexes: [] },
        { name: 'frozen', indexes: [], readOnly: true },
      ],
    },
  });
});
afterAll(() => t.close());

const u = () => t.db.collection('u');

let counter = 0;
/** A fresh record in `u` with a unique _id. */
async function seed(data: Record<string, unknown>): Promise<string> {
  counter += 1;
  const _id = `rec-${counter}`;
  await u().add({ data: { _id, ...data } });
  return _id;
}

async function read(id: string): Promise<Row> {
  return (await u().doc(id).get()).data;
}

/** Seeds a record, applies `update` to it and returns what reads back. */
async function afterUpdate(data: Record<string, unknown>, update: Record<string, unknown>): Promise<Row> {
  const _id = await seed(data);
  const { stats } = await u().doc(_id).update({ data: update });
  expect(stats.updated).toBe(1);
  return read(_id);
}

describe('add (B1, E2)', () => {
  test('B1: add without _id generates one, and every value type reads back', async () => {
    const when = new Date('2024-05-01T08:30:00.000Z');
    const data = {
      s: 'text',
      n: 42.5,
      i: -7,
      yes: true,
      no: false,
      when,
      obj: { a: { b: 'deep' }, list: [1, 'two'] },
      arr: [3, { x: 1 }, 'z'],
      big: 2 ** 40,
      huge: 1e20,
      safe: Number.MAX_SAFE_INTEGER,
      neg: -0.25,
      zh: '红袖章 · 报到',
      empty: [],
      blank: {},
      dates: [when, { at: when }],
    };
    const { _id } = await u().add({ data });
    expect(typeof _id).toBe('string');
    expect(_id.length).toBeGreaterThan(0);
    const back = await read(_id);
    expect(back).toEqual({ _id, ...data });
    expect(back.when).toBeInstanceOf(Date);
    expect(back.when.getTime()).toBe(when.getTime());
  });

  test('B1: generated ids are distinct', async () => {
    const a = await u().add({ data: { k: 'gen' } });
    const b = await u().add({ data: { k: 'gen' } });
    expect(a._id).not.toBe(b._id);
  });

  test('B1: a given _id is used', async () => {
    const { _id } = await u().add({ data: { _id: 'chosen-id', v: 1 } });
    expect(_id).toBe('chosen-id');
    expect(await read('chosen-id')).toEqual({ _id: 'chosen-id', v: 1 });
  });

  test('B1: add of an array inserts every record and returns their ids in order', async () => {
    const { _ids } = await u().add({
      data: [
        { _id: 'batch-1', batch: 'b' },
        { batch: 'b', second: true },
      ],
    });
    expect(_ids).toHaveLength(2);
    expect(_ids[0]).toBe('batch-1');
    expect(await read(_ids[1])).toEqual({ _id: _ids[1], batch: 'b', second: true });
  });

  test('E2/E3: a duplicate _id is rejected and the existing record is unchanged', async () => {
    await u().add({ data: { _id: 'dup', v: 'original' } });
    const error = await rejection(u().add({ data: { _id: 'dup', v: 'intruder', extra: 1 } }));
    expect(typeof error.errCode).toBe('number');
    expect(error.errCode).not.toBe(0);
    expect(typeof error.errMsg).toBe('string');
    expect(await read('dup')).toEqual({ _id: 'dup', v: 'original' });
    expect((await u().where({ v: 'intruder' }).count()).total).toBe(0);
  });
});

describe('doc.set, doc.update (B3, B4)', () => {
  test('B3: set replaces the whole record; stats updated 1, created 0', async () => {
    const id = await seed({ a: 1, b: { c: 2 }, keep: 'no' });
    const result = await u()
      .doc(id)
      .set({ data: { x: 9, b: { d: 3 } } });
    expect(result._id).toBe(id);
    expect(result.stats).toEqual({ updated: 1, created: 0 });
    expect(await read(id)).toEqual({ _id: id, x: 9, b: { d: 3 } });
  });

  test('B3: set on a new id creates the record under that id; stats updated 0, created 1', async () => {
    const result = await u()
      .doc('set-new')
      .set({ data: { fresh: true } });
    expect(result._id).toBe('set-new');
    expect(result.stats).toEqual({ updated: 0, created: 1 });
    expect(await read('set-new')).toEqual({ _id: 'set-new', fresh: true });
  });

  test('B4: update changes only the named fields; stats.updated 1', async () => {
    const id = await seed({ a: 1, b: 2 });
    const { stats } = await u()
      .doc(id)
      .update({ data: { b: 3, c: 4 } });
    expect(stats.updated).toBe(1);
    expect(await read(id)).toEqual({ _id: id, a: 1, b: 3, c: 4 });
  });

  test('B4: update of a missing id reports updated 0 and creates nothing', async () => {
    const { stats } = await u()
      .doc('never-there')
      .update({ data: { a: 1 } });
    expect(stats.updated).toBe(0);
    expect((await u().where({ _id: 'never-there' }).count()).total).toBe(0);
    const lenient = t.sdk.database({ throwOnNotFound: false });
    expect((await lenient.collection('u').doc('never-there').get()).data).toBeNull();
  });
});

describe('where.update and remove (B5, B6)', () => {
  test('B5: where().update() changes every match; stats.updated counts them', async () => {
    const ids = [await seed({ grp: 'b5', n: 1 }), await seed({ grp: 'b5', n: 2 }), await seed({ grp: 'b5', n: 3 })];
    const other = await seed({ grp: 'b5-other', n: 4 });
    const { stats } = await u()
      .where({ grp: 'b5' })
      .update({ data: { flag: true, n: t._.inc(10) } });
    expect(stats.updated).toBe(3);
    expect(await Promise.all(ids.map(read))).toEqual([
      { _id: ids[0], grp: 'b5', n: 11, flag: true },
      { _id: ids[1], grp: 'b5', n: 12, flag: true },
      { _id: ids[2], grp: 'b5', n: 13, flag: true },
    ]);
    expect(await read(other)).toEqual({ _id: other, grp: 'b5-other', n: 4 });
  });

  test('B5: a where().update() that matches nothing succeeds with 0', async () => {
    const { stats } = await u()
      .where({ grp: 'b5-none' })
      .update({ data: { flag: true } });
    expect(stats.updated).toBe(0);
    expect((await u().where({ grp: 'b5-none' }).count()).total).toBe(0);
  });

  test('B6: where().remove() deletes every match; stats.removed counts them', async () => {
    await seed({ grp: 'b6', n: 1 });
    await seed({ grp: 'b6', n: 2 });
    await seed({ grp: 'b6', n: 3 });
    const keep = await seed({ grp: 'b6-keep' });
    const { stats } = await u()
      .where({ grp: 'b6', n: t._.gte(2) })
      .remove();
    expect(stats.removed).toBe(2);
    const { data } = await u().where({ grp: 'b6' }).get();
    expect((data as Row[]).map((d) => d.n)).toEqual([1]);
    expect(await read(keep)).toEqual({ _id: keep, grp: 'b6-keep' });
  });

  test('B6: where().remove() ignores limit and removes every match', async () => {
    await seed({ grp: 'b6-limit' });
    await seed({ grp: 'b6-limit' });
    await seed({ grp: 'b6-limit' });
    // The SDK warns that limit is not supported in remove(); keep the test output quiet.
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const { stats } = await u().where({ grp: 'b6-limit' }).limit(1).remove();
      expect(stats.removed).toBe(3);
    } finally {
      warn.mockRestore();
    }
    expect((await u().where({ grp: 'b6-limit' }).count()).total).toBe(0);
  });

  test('B6: where().remove() matching nothing removes 0', async () => {
    const { stats } = await u().where({ grp: 'b6-none' }).remove();
    expect(stats.removed).toBe(0);
  });

  test('B6: doc(id).remove() deletes one record; a missing id removes 0', async () => {
    const gone = await seed({ grp: 'b6-doc' });
    const stays = await seed({ grp: 'b6-doc' });
    expect((await u().doc(gone).remove()).stats.removed).toBe(1);
    expect((await u().doc(gone).remove()).stats.removed).toBe(0);
    const { data } = await u().where({ grp: 'b6-doc' }).get();
    expect((data as Row[]).map((d) => d._id)).toEqual([stays]);
  });
});

describe('field operators (U1–U5)', () => {
  test('U1: a nested plain object changes only the named sub-fields', async () => {
    const back = await afterUpdate(
      { style: { color: 'red', size: 'L', inner: { a: 1, b: 2 } } },
      { style: { color: 'blue', inner: { b: 3 } } },
    );
    expect(back.style).toEqual({ color: 'blue', size: 'L', inner: { a: 1, b: 3 } });
  });

  test('U1: a dot-path key changes only that sub-field', async () => {
    const back = await afterUpdate({ style: { color: 'red', size: 'L' } }, { 'style.size': 'XL' });
    expect(back.style).toEqual({ color: 'red', size: 'XL' });
  });

  test('U2: _.set(obj) replaces the field with exactly that object', async () => {
    const back = await afterUpdate(
      { style: { color: 'red', size: 'L' }, other: 1 },
      { style: t._.set({ color: 'blue' }) },
    );
    expect(back.style).toEqual({ color: 'blue' });
    expect(back.other).toBe(1);
  });

  test('U3/U4: _.inc and _.mul', async () => {
    const _ = t._;
    const back = await afterUpdate({ n: 10, m: 3, f: 1.5 }, { n: _.inc(-3), m: _.mul(4), f: _.inc(1) });
    expect(back).toMatchObject({ n: 7, m: 12, f: 2.5 });
  });

  test('U3: operators inside a nested object act on that sub-field only', async () => {
    const back = await afterUpdate(
      { stats: { views: 4, likes: 1 }, tags: { list: ['a'] } },
      { stats: { views: t._.inc(2) }, tags: { list: t._.push(['b']) } },
    );
    expect(back.stats).toEqual({ views: 6, likes: 1 });
    expect(back.tags).toEqual({ list: ['a', 'b'] });
  });

  test('U1: a Date inside a nested update object is stored as a Date', async () => {
    const when = new Date('2023-03-03T03:03:03.000Z');
    const back = await afterUpdate({ meta: { by: 'me' } }, { meta: { at: when } });
    expect(back.meta.by).toBe('me');
    expect(back.meta.at).toBeInstanceOf(Date);
    expect(back.meta.at.getTime()).toBe(when.getTime());
  });

  test('B1/B4: an update leaves the Dates of untouched fields intact', async () => {
    const when = new Date('2020-10-10T10:10:10.000Z');
    const back = await afterUpdate({ when, nested: { when }, list: [when] }, { other: 1 });
    expect(back.when).toBeInstanceOf(Date);
    expect(back.when.getTime()).toBe(when.getTime());
    expect(back.nested.when.getTime()).toBe(when.getTime());
    expect(back.list[0].getTime()).toBe(when.getTime());
  });

  test('_.min / _.max compare Dates', async () => {
    const _ = t._;
    const early = new Date('2020-01-01T00:00:00.000Z');
    const mid = new Date('2021-01-01T00:00:00.000Z');
    const late = new Date('2022-01-01T00:00:00.000Z');
    const back = await afterUpdate({ first: mid, last: mid }, { first: _.min(early), last: _.max(late) });
    expect(back.first.getTime()).toBe(early.getTime());
    expect(back.last.getTime()).toBe(late.getTime());
    const kept = await afterUpdate({ first: mid, last: mid }, { first: _.min(late), last: _.max(early) });
    expect(kept.first.getTime()).toBe(mid.getTime());
    expect(kept.last.getTime()).toBe(mid.getTime());
  });

  test('U3: _.inc on a missing field starts from 0', async () => {
    const back = await afterUpdate({ a: 1 }, { count: t._.inc(5) });
    expect(back.count).toBe(5);
  });

  test('U3: concurrent increments are not lost', async () => {
    const id = await seed({ hits: 0 });
    await Promise.all(
      Array.from({ length: 25 }, () =>
        u()
          .doc(id)
          .update({ data: { hits: t._.inc(1) } }),
      ),
    );
    expect((await read(id)).hits).toBe(25);
  });

  test('_.min and _.max only move the value past the bound', async () => {
    const _ = t._;
    const back = await afterUpdate(
      { lo: 5, hi: 5, loKeep: 5, hiKeep: 5 },
      { lo: _.min(2), hi: _.max(9), loKeep: _.min(8), hiKeep: _.max(1) },
    );
    expect(back).toMatchObject({ lo: 2, hi: 9, loKeep: 5, hiKeep: 5 });
  });

  test('U5: _.remove() deletes the field, leaving the others', async () => {
    const back = await afterUpdate(
      { a: 1, gone: 'x', nested: { x: 1, y: 2 } },
      { gone: t._.remove(), 'nested.x': t._.remove() },
    );
    expect('gone' in back).toBe(false);
    expect(back.a).toBe(1);
    expect(back.nested).toEqual({ y: 2 });
  });

  test('B7: db.serverDate() in an update stores the server time', async () => {
    const back = await afterUpdate({ a: 1 }, { at: t.db.serverDate(), later: t.db.serverDate({ offset: 60_000 }) });
    expect(back.at).toBeInstanceOf(Date);
    expect(Math.abs(back.at.getTime() - Date.now())).toBeLessThan(10_000);
    expect(back.later.getTime() - back.at.getTime()).toBe(60_000);
  });
});

describe('_.push (U6)', () => {
  const push = async (list: unknown[] | undefined, op: unknown) =>
    (await afterUpdate(list === undefined ? { other: 1 } : { list }, { list: op })).list;

  test('U6: the array form appends the values', async () => {
    expect(await push(['a', 'b'], t._.push(['c', 'd']))).toEqual(['a', 'b', 'c', 'd']);
  });

  test('U6: a missing field is created with the values', async () => {
    expect(await push(undefined, t._.push(['x', 'y']))).toEqual(['x', 'y']);
  });

  test('U6: {each, position} inserts at the position', async () => {
    expect(await push([1, 2, 3], t._.push({ each: [8, 9], position: 1 }))).toEqual([1, 8, 9, 2, 3]);
    expect(await push([1, 2, 3], t._.push({ each: [0], position: 0 }))).toEqual([0, 1, 2, 3]);
  });

  test('U6: a position ≥ length appends', async () => {
    expect(await push([1, 2, 3], t._.push({ each: [9], position: 3 }))).toEqual([1, 2, 3, 9]);
    expect(await push([1, 2, 3], t._.push({ each: [9], position: 10 }))).toEqual([1, 2, 3, 9]);
  });

  test('U6: a negative position counts from the end (-1 = before the last element)', async () => {
    expect(await push([1, 2, 3], t._.push({ each: [9], position: -1 }))).toEqual([1, 2, 9, 3]);
    expect(await push([1, 2, 3], t._.push({ each: [8, 9], position: -2 }))).toEqual([1, 8, 9, 2, 3]);
  });

  test('U6: a negative position with |position| ≥ length inserts at the head', async () => {
    expect(await push([1, 2, 3], t._.push({ each: [9], position: -3 }))).toEqual([9, 1, 2, 3]);
    expect(await push([1, 2, 3], t._.push({ each: [9], position: -10 }))).toEqual([9, 1, 2, 3]);
  });

  test('U6: {each, sort: 1 | -1} sorts the whole resulting array', async () => {
    expect(await push([3, 1], t._.push({ each: [5, 2], sort: 1 }))).toEqual([1, 2, 3, 5]);
    expect(await push([3, 1], t._.push({ each: [5, 2], sort: -1 }))).toEqual([5, 3, 2, 1]);
  });

  test('U6: {each: [], sort} only sorts the existing elements', async () => {
    expect(await push([3, 1, 2], t._.push({ each: [], sort: 1 }))).toEqual([1, 2, 3]);
  });

  test('U6: sort: {field: -1} sorts an array of objects by that field', async () => {
    const list = [
      { name: 'a', score: 2 },
      { name: 'b', score: 9 },
    ];
    expect(await push(list, t._.push({ each: [{ name: 'c', score: 5 }], sort: { score: -1 } }))).toEqual([
      { name: 'b', score: 9 },
      { name: 'c', score: 5 },
      { name: 'a', score: 2 },
    ]);
  });

  test('U6: {each, slice: 0} leaves an empty array', async () => {
    expect(await push([1, 2], t._.push({ each: [3], slice: 0 }))).toEqual([]);
  });

  test('U6: {each, slice: n > 0} keeps the first n', async () => {
    expect(await push([1, 2], t._.push({ each: [3, 4], slice: 3 }))).toEqual([1, 2, 3]);
  });

  test('U6: {each, slice: n < 0} keeps the last n', async () => {
    expect(await push([1, 2], t._.push({ each: [3, 4], slice: -3 }))).toEqual([2, 3, 4]);
  });

  test('U6: sort and slice together keep the top n after sorting', async () => {
    expect(await push([4, 1], t._.push({ each: [7, 3], sort: -1, slice: 2 }))).toEqual([7, 4]);
  });
});

describe('removing from and adding to arrays (U7–U11)', () => {
  const list = async (start: unknown[] | undefined, op: unknown) =>
    (await afterUpdate(start === undefined ? { other: 1 } : { list: start }, { list: op })).list;

  test('U7: _.pull(value) removes every equal element', async () => {
    expect(await list([1, 2, 3, 2, 4], t._.pull(2))).toEqual([1, 3, 4]);
  });

  test('U7: _.pull(command) removes every element the command matches', async () => {
    expect(await list([1, 5, 2, 8, 3], t._.pull(t._.gt(2)))).toEqual([1, 2]);
    expect(await list(['a', 'b', 'c'], t._.pull(t._.in(['a', 'c'])))).toEqual(['b']);
  });

  test('U7: _.pull({cond}) removes the objects matching the condition', async () => {
    const start = [
      { kind: 'x', n: 1 },
      { kind: 'y', n: 2 },
      { kind: 'x', n: 3 },
    ];
    expect(await list(start, t._.pull({ kind: 'x' }))).toEqual([{ kind: 'y', n: 2 }]);
    expect(await list(start, t._.pull({ kind: 'x', n: t._.gt(2) }))).toEqual([
      { kind: 'x', n: 1 },
      { kind: 'y', n: 2 },
    ]);
  });

  test('U7: _.pullAll removes every element equal to one of the values', async () => {
    expect(await list([1, 2, 3, 1, 4, 3], t._.pullAll([1, 3]))).toEqual([2, 4]);
  });

  test('U8: _.pop removes the last element, _.shift the first', async () => {
    expect(await list([1, 2, 3], t._.pop())).toEqual([1, 2]);
    expect(await list([1, 2, 3], t._.shift())).toEqual([2, 3]);
  });

  test('U9: _.unshift prepends the values in order', async () => {
    expect(await list([1, 2], t._.unshift([-1, 0]))).toEqual([-1, 0, 1, 2]);
  });

  test('U9: _.unshift on a missing field creates it', async () => {
    expect(await list(undefined, t._.unshift(['a', 'b']))).toEqual(['a', 'b']);
  });

  test('U10: _.addToSet(v) appends v unless already present', async () => {
    expect(await list(['a', 'b'], t._.addToSet('c'))).toEqual(['a', 'b', 'c']);
    expect(await list(['a', 'b'], t._.addToSet('b'))).toEqual(['a', 'b']);
  });

  test('U10: _.addToSet({$each}) adds each value not yet present', async () => {
    expect(await list(['a', 'b'], t._.addToSet({ $each: ['b', 'c', 'd'] }))).toEqual(['a', 'b', 'c', 'd']);
    expect(await list(['a'], t._.addToSet({ $each: ['a'] }))).toEqual(['a']);
  });

  test('U10: _.addToSet compares objects by value', async () => {
    expect(await list([{ a: 1 }], t._.addToSet({ a: 1 }))).toEqual([{ a: 1 }]);
    expect(await list([{ a: 1 }], t._.addToSet({ a: 2 }))).toEqual([{ a: 1 }, { a: 2 }]);
  });

  test('U10: _.addToSet({$each}) compares objects by value', async () => {
    expect(await list([{ a: 1 }], t._.addToSet({ $each: [{ a: 1 }, { a: 2 }] }))).toEqual([{ a: 1 }, { a: 2 }]);
  });

  test('U7: _.pullAll removes objects equal to one of the values', async () => {
    expect(await list([{ a: 1 }, { a: 2 }, { a: 1 }, 3], t._.pullAll([{ a: 1 }]))).toEqual([{ a: 2 }, 3]);
  });

  test('U7: _.pullAll removes elements that are arrays equal to one of the values', async () => {
    expect(await list([[1, 2], [3], 4, [1, 2]], t._.pullAll([[1, 2], 4]))).toEqual([[3]]);
  });

  test('U7: _.pull(Date) removes the equal Date', async () => {
    const d1 = new Date('2021-01-01T00:00:00.000Z');
    const d2 = new Date('2021-06-01T00:00:00.000Z');
    expect(await list([d1, d2], t._.pull(new Date(d1.getTime())))).toEqual([d2]);
  });

  test('U6/U7: push and pull objects and Dates', async () => {
    const when = new Date('2022-02-02T00:00:00.000Z');
    const pushed = await list([{ k: 1 }], t._.push([{ k: 2 }, when]));
    expect(pushed).toEqual([{ k: 1 }, { k: 2 }, when]);
    expect(pushed[2]).toBeInstanceOf(Date);
    expect(await list([{ k: 1 }, { k: 2, x: 0 }, { k: 1 }], t._.pull({ k: 1 }))).toEqual([{ k: 2, x: 0 }]);
  });

  test('U10: _.addToSet on a missing field creates it', async () => {
    expect(await list(undefined, t._.addToSet('z'))).toEqual(['z']);
  });

  test("U11: 'numbers.1' updates the array element by index", async () => {
    const back = await afterUpdate({ numbers: [10, 20, 30] }, { 'numbers.1': 99 });
    expect(back.numbers).toEqual([10, 99, 30]);
  });

  test("U11: 'places.0.area' updates a field of an element", async () => {
    const back = await afterUpdate(
      {
        places: [
          { area: 1, name: 'a' },
          { area: 2, name: 'b' },
        ],
      },
      { 'places.0.area': 50 },
    );
    expect(back.places).toEqual([
      { area: 50, name: 'a' },
      { area: 2, name: 'b' },
    ]);
  });
});

describe('collections', () => {
  test('X6: createCollection makes a collection that add and get can then use', async () => {
    const before = await rejection(t.db.collection('made_later').add({ data: { a: 1 } }));
    expect(before.errCode).toBe(-502005);
    await t.db.createCollection('made_later');
    const { _id } = await t.db.collection('made_later').add({ data: { a: 1 } });
    const { data } = await t.db.collection('made_later').get();
    expect(data).toEqual([{ _id, a: 1 }]);
    expect((await t.db.collection('made_later').count()).total).toBe(1);
  });

  test('E1: writes to a missing collection reject with -502005', async () => {
    const missing = t.db.collection('never_made');
    expect((await rejection(missing.doc('x').set({ data: { a: 1 } }))).errCode).toBe(-502005);
    expect((await rejection(missing.doc('x').update({ data: { a: 1 } }))).errCode).toBe(-502005);
    expect((await rejection(missing.where({ a: 1 }).update({ data: { a: 2 } }))).errCode).toBe(-502005);
    expect((await rejection(missing.where({ a: 1 }).remove())).errCode).toBe(-502005);
    expect((await rejection(missing.count())).errCode).toBe(-502005);
  });

  test('a read-only collection refuses add with -502003', async () => {
    const error = await rejection(t.db.collection('frozen').add({ data: { a: 1 } }));
    expect(error.errCode).toBe(-502003);
    expect((await t.db.collection('frozen').count()).total).toBe(0);
  });

  test('a read-only collection refuses set, update and remove with -502003', async () => {
    const frozen = t.db.collection('frozen');
    const set = await rejection(frozen.doc('f1').set({ data: { a: 1 } }));
    expect(set.errCode).toBe(-502003);
    const update = await rejection(frozen.doc('f1').update({ data: { a: 1 } }));
    expect(update.errCode).toBe(-502003);
    const whereUpdate = await rejection(frozen.where({ a: 1 }).update({ data: { a: 2 } }));
    expect(whereUpdate.errCode).toBe(-502003);
    const remove = await rejection(frozen.where({ a: 1 }).remove());
    expect(remove.errCode).toBe(-502003);
    const docRemove = await rejection(frozen.doc('f1').remove());
    expect(docRemove.errCode).toBe(-502003);
    expect((await frozen.get()).data).toEqual([]);
  });
});

describe('modifyAndReturnDoc (served for @cloudbase/node-sdk updateAndReturn; wx-server-sdk does not expose it)', () => {
  type Reply = { data?: { updated: number; doc: string | null } };
  const post = async ({ action, ...fields }: Record<string, unknown>) =>
    (await adminCall(t.cloud, String(action), fields)) as Reply;

  test('updates the first match and answers with the updated document as EJSON', async () => {
    await u().add({ data: { _id: 'mr-1', group: 'mr', n: 1 } });
    const reply = await post({
      action: 'database.modifyAndReturnDoc',
      collectionName: 'u',
      queryType: 'WHERE',
      query: JSON.stringify({ group: 'mr' }),
      data: JSON.stringify({ $inc: { n: 5 } }),
    });
    expect(reply.data?.updated).toBe(1);
    expect(JSON.parse(reply.data?.doc ?? 'null')).toEqual({ _id: 'mr-1', group: 'mr', n: 6 });
    expect((await u().doc('mr-1').get()).data.n).toBe(6);
  });

  test('answers updated 0 and doc null when nothing matches', async () => {
    const reply = await post({
      action: 'database.modifyAndReturnDoc',
      collectionName: 'u',
      queryType: 'WHERE',
      query: JSON.stringify({ group: 'no-such-group' }),
      data: JSON.stringify({ $set: { n: 1 } }),
    });
    expect(reply.data).toEqual({ updated: 0, doc: null });
  });
});
