import { DatabaseEngine } from '../dist/db/database';
import { parseManifest } from '../dist/db/manifest';
import { Store } from '../dist/db/store';

// doc(id).get() without a projection answers with the stored body as is: it must be exactly what decoding the
// document and encoding it again (the answer of a where({_id}) read) gives, whatever the document holds.

const manifest = parseManifest({ collections: [{ name: 'docs', indexes: [] }] });

test('a point read answers what a where({_id}) read answers, for every kind of value', () => {
  const engine = new DatabaseEngine(new Store({}), manifest);
  const values: unknown[] = [
    0,
    -0,
    1.5,
    -2,
    2 ** 31,
    2 ** 53 + 2,
    1e300,
    { $numberDouble: 'NaN' },
    { $numberDouble: 'Infinity' },
    { $numberLong: '9007199254740993' },
    { $numberInt: '7' },
    '',
    '文档 \u{1f600} \uff00',
    true,
    null,
    { $date: '2026-01-02T03:04:05.678Z' },
    { $date: { $numberLong: '-62135596800001' } },
    { $regularExpression: { pattern: 'a.b', options: 'i' } },
    { $binary: { base64: 'AAEC', subType: '00' } },
    { $oid: '0123456789abcdef01234567' },
    [],
    [1, 'a', [null, { x: { $date: '2026-01-02T03:04:05.678Z' } }]],
    { nested: { deeper: [{ a: 1 }] }, 'dotted.key': 1 },
    { $tcb_server_date: { offset: 0 } },
  ];
  const data = values.map((value, i) => ({ _id: `v${i}`, value, after: i }));
  engine.insertDocument({ collectionName: 'docs', data });
  for (let i = 0; i < values.length; i++) {
    const point = engine.getDocument({ collectionName: 'docs', queryType: 'DOC', query: { _id: `v${i}` } }).list;
    const where = engine.getDocument({ collectionName: 'docs', queryType: 'WHERE', query: { _id: `v${i}` } }).list;
    expect(point).toEqual(where);
    expect(point).toHaveLength(1);
  }
  expect(engine.getDocument({ collectionName: 'docs', queryType: 'DOC', query: { _id: 'none' } }).list).toEqual([]);
});
