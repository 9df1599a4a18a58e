import { type TestCloud, rejection, startTestCloud, adminCall } from 'wx-local-cloud/testing';
import { FUNCTIONS_DIR } from './fixtures';

// Transactions through the real wx-server-sdk. Fact ids (T1..T7, X8) refer to
// docs/wechat-db-semantics.md (the fact ids are its headings).

type Row = Record<string, unknown>;

const DOCS = 'tx_docs';
const ACCOUNTS = 'accounts';

let t: TestCloud;

beforeAll(async () => {
  t = await startTestCloud({
    functionsDir: FUNCTIONS_DIR,
    manifest: {
      collections: [
        { name: DOCS, indexes: [] },
        { name: ACCOUNTS, indexes: [] },
      ],
    },
  });
});

afterAll(() => t.close());

const docs = () => t.db.collection(DOCS);

/** The committed record, or null when it does not exist (read outside any transaction). */
async function read(id: string, coll = DOCS): Promise<Row | null> {
  const { data } = await t.db.collection(coll).where({ _id: id }).get();
  return data.length === 0 ? null : (data[0] as Row);
}

const wire = (action: string, fields: Row): Promise<Row> => adminCall(t.cloud, action, fields);

describe('runTransaction', () => {
  test('commits and resolves with the callback value (T1)', async () => {
    await docs().add({ data: { _id: 't1-a', n: 1, keep: 'yes' } });
    const result = await t.db.runTransaction(async (tx: TestCloud['db']) => {
      const { data } = await tx.collection(DOCS).doc('t1-a').get();
      await tx
        .collection(DOCS)
        .doc('t1-a')
        .update({ data: { n: data.n + 10 } });
      await tx.collection(DOCS).add({ data: { _id: 't1-b', n: 2 } });
      return { done: 'yes', seen: data.n };
    });
    expect(result).toEqual({ done: 'yes', seen: 1 });
    expect(await read('t1-a')).toEqual({ _id: 't1-a', n: 11, keep: 'yes' });
    expect(await read('t1-b')).toEqual({ _id: 't1-b', n: 2 });
  });

  test("transaction.rollback('reason') rejects with exactly 'reason' and keeps nothing (T2)", async () => {
    await docs().add({ data: { _id: 't2-a', n: 1 } });
    const error = await rejection(
      t.db.runTransaction(async (tx: TestCloud['db']) => {
        await tx
          .collection(DOCS)
          .doc('t2-a')
          .update({ data: { n: 99 } });
        await tx.collection(DOCS).add({ data: { _id: 't2-b', n: 2 } });
        await tx.rollback('reason');
        return 'not reached as a result';
      }),
    );
    expect(error).toBe('reason');
    expect(await read('t2-a')).toEqual({ _id: 't2-a', n: 1 });
    expect(await read('t2-b')).toBeNull();
    // the rolled-back transaction holds no lock any more
    await t.db.runTransaction(async (tx: TestCloud['db']) => {
      await tx
        .collection(DOCS)
        .doc('t2-a')
        .update({ data: { n: 2 } });
    });
    expect(await read('t2-a')).toEqual({ _id: 't2-a', n: 2 });
  });

  test('a throw inside rejects with that error and leaves nothing behind, add included (T3)', async () => {
    await docs().add({ data: { _id: 't3-a', n: 1 } });
    const boom = new Error('boom inside');
    const error = await rejection(
      t.db.runTransaction(async (tx: TestCloud['db']) => {
        await tx.collection(DOCS).add({ data: { _id: 't3-b', n: 2 } });
        await tx
          .collection(DOCS)
          .doc('t3-a')
          .update({ data: { n: 50 } });
        await tx.collection(DOCS).doc('t3-a').remove();
        throw boom;
      }),
    );
    expect(error).toBe(boom);
    expect(await read('t3-a')).toEqual({ _id: 't3-a', n: 1 });
    expect(await read('t3-b')).toBeNull();
    expect(t.cloud.db.openTransactions()).toBe(0);
  });

  test('single-record add, set, update and remove inside a transaction (T5)', async () => {
    await docs().add({
      data: [
        { _id: 't5-set', a: 1, b: 2 },
        { _id: 't5-upd', a: 1, nested: { x: 1, y: 2 } },
        { _id: 't5-del', a: 1 },
      ],
    });
    await t.db.runTransaction(async (tx: TestCloud['db']) => {
      const c = tx.collection(DOCS);
      const added = await c.add({ data: { _id: 't5-add', a: 'new' } });
      expect(added._id).toBe('t5-add');
      await c.doc('t5-set').set({ data: { c: 3 } });
      await c.doc('t5-new').set({ data: { d: 4 } });
      const updated = await c.doc('t5-upd').update({ data: { a: t._.inc(5), nested: { y: 20 } } });
      expect(updated.stats.updated).toBe(1);
      const removed = await c.doc('t5-del').remove();
      expect(removed.stats.removed).toBe(1);
      // inside, the transaction sees its own writes
      expect((await c.doc('t5-set').get()).data).toEqual({ _id: 't5-set', c: 3 });
      expect((await c.doc('t5-add').get()).data).toEqual({ _id: 't5-add', a: 'new' });
      expect((await rejection(c.doc('t5-del').get())).errMsg).toMatch(/does not exist/);
    });
    expect(await read('t5-add')).toEqual({ _id: 't5-add', a: 'new' });
    expect(await read('t5-set')).toEqual({ _id: 't5-set', c: 3 });
    expect(await read('t5-new')).toEqual({ _id: 't5-new', d: 4 });
    expect(await read('t5-upd')).toEqual({ _id: 't5-upd', a: 6, nested: { x: 1, y: 20 } });
    expect(await read('t5-del')).toBeNull();
  });

  test('an add of an _id that already exists fails inside the transaction and nothing is committed', async () => {
    await docs().add({ data: { _id: 't5-dup', n: 1 } });
    const error = await rejection(
      t.db.runTransaction(async (tx: TestCloud['db']) => {
        await tx
          .collection(DOCS)
          .doc('t5-dup')
          .update({ data: { n: 2 } });
        await tx.collection(DOCS).add({ data: { _id: 't5-dup', n: 3 } });
      }),
    );
    expect(error.errMsg).toMatch(/duplicate key/);
    expect(await read('t5-dup')).toEqual({ _id: 't5-dup', n: 1 });
  });

  test('a where() query inside a transaction is rejected (X8)', async () => {
    await docs().add({ data: { _id: 'x8', n: 1 } });
    const tx = await t.db.startTransaction();
    try {
      const error = await rejection(tx.collection(DOCS).where({ n: 1 }).get());
      expect(error.errMsg).toMatch(/collection\.get:fail/);
    } finally {
      await tx.rollback();
    }
    expect(t.cloud.db.openTransactions()).toBe(0);
  });
});

describe('startTransaction: isolation (T4, T7)', () => {
  test('inside reads see own writes; outside sees nothing until commit, then everything', async () => {
    await docs().add({ data: { _id: 't4-a', n: 1 } });
    const tx = await t.db.startTransaction();
    await tx
      .collection(DOCS)
      .doc('t4-a')
      .update({ data: { n: 2 } });
    await tx.collection(DOCS).add({ data: { _id: 't4-b', n: 3 } });

    expect((await tx.collection(DOCS).doc('t4-a').get()).data).toEqual({ _id: 't4-a', n: 2 });
    expect((await tx.collection(DOCS).doc('t4-b').get()).data).toEqual({ _id: 't4-b', n: 3 });

    expect(await read('t4-a')).toEqual({ _id: 't4-a', n: 1 });
    expect(await read('t4-b')).toBeNull();
    expect(
      (
        await docs()
          .where({ _id: t._.in(['t4-a', 't4-b']) })
          .count()
      ).total,
    ).toBe(1);

    await tx.commit();
    expect(await read('t4-a')).toEqual({ _id: 't4-a', n: 2 });
    expect(await read('t4-b')).toEqual({ _id: 't4-b', n: 3 });
  });

  test('reads inside come from the snapshot taken at the start (T4)', async () => {
    await docs().add({ data: { _id: 't4-snap', n: 1 } });
    const tx = await t.db.startTransaction();
    try {
      await docs()
        .doc('t4-snap')
        .update({ data: { n: 2 } });
      await docs().add({ data: { _id: 't4-late', n: 1 } });
      expect((await tx.collection(DOCS).doc('t4-snap').get()).data).toEqual({ _id: 't4-snap', n: 1 });
      expect((await rejection(tx.collection(DOCS).doc('t4-late').get())).errMsg).toMatch(/does not exist/);
    } finally {
      await tx.rollback();
    }
    expect(await read('t4-snap')).toEqual({ _id: 't4-snap', n: 2 });
  });

  test('rollback of an open transaction keeps nothing and releases its documents', async () => {
    await docs().add({ data: { _id: 'rb-a', n: 1 } });
    const tx = await t.db.startTransaction();
    await tx
      .collection(DOCS)
      .doc('rb-a')
      .update({ data: { n: 2 } });
    await tx.collection(DOCS).add({ data: { _id: 'rb-b', n: 2 } });
    await tx.collection(DOCS).doc('rb-a').get();
    await tx.rollback();

    expect(await read('rb-a')).toEqual({ _id: 'rb-a', n: 1 });
    expect(await read('rb-b')).toBeNull();

    // later transactions may write the same documents, including the _id the rolled-back one added
    const next = await t.db.startTransaction();
    await next
      .collection(DOCS)
      .doc('rb-a')
      .update({ data: { n: 3 } });
    await next.collection(DOCS).add({ data: { _id: 'rb-b', n: 3 } });
    await next.commit();
    await docs()
      .doc('rb-a')
      .update({ data: { extra: true } });
    expect(await read('rb-a')).toEqual({ _id: 'rb-a', n: 3, extra: true });
    expect(await read('rb-b')).toEqual({ _id: 'rb-b', n: 3 });
  });

  test('a transaction never committed leaves nothing; once aborted it blocks no later write', async () => {
    await docs().add({ data: { _id: 'nc-a', n: 1 } });
    const forgotten = await t.db.startTransaction();
    await forgotten
      .collection(DOCS)
      .doc('nc-a')
      .update({ data: { n: 100 } });
    await forgotten.collection(DOCS).add({ data: { _id: 'nc-b', n: 100 } });
    expect(t.cloud.db.openTransactions()).toBe(1);
    expect(await read('nc-a')).toEqual({ _id: 'nc-a', n: 1 });
    expect(await read('nc-b')).toBeNull();

    // while it is open, another transaction cannot write its document (T6)
    const blocked = await rejection(
      t.db.runTransaction(async (tx: TestCloud['db']) => {
        await tx
          .collection(DOCS)
          .doc('nc-a')
          .update({ data: { n: 5 } });
      }),
    );
    expect(blocked.errMsg).toMatch(/another transaction/);

    await forgotten.rollback();
    expect(t.cloud.db.openTransactions()).toBe(0);
    await t.db.runTransaction(async (tx: TestCloud['db']) => {
      await tx
        .collection(DOCS)
        .doc('nc-a')
        .update({ data: { n: 5 } });
    });
    expect(await read('nc-a')).toEqual({ _id: 'nc-a', n: 5 });
    expect(await read('nc-b')).toBeNull();
  });
});

describe('conflicts (T6)', () => {
  test('two open transactions writing the same record: the second write fails at once', async () => {
    await docs().add({ data: { _id: 't6-a', n: 1 } });
    const first = await t.db.startTransaction();
    const second = await t.db.startTransaction();
    await first
      .collection(DOCS)
      .doc('t6-a')
      .update({ data: { n: 2 } });
    const error = await rejection(
      second
        .collection(DOCS)
        .doc('t6-a')
        .update({ data: { n: 3 } }),
    );
    // wx-server-sdk maps the unknown code DATABASE_TRANSACTION_CONFLICT to SYS_ERR (-501001) and keeps the message;
    // the wire code itself is checked in the next test.
    expect(error.errCode).toBe(-501001);
    expect(error.errMsg).toMatch(/document\.update:fail/);
    expect(error.errMsg).toMatch(/t6-a/);
    expect(error.errMsg).toMatch(/another transaction/);
    await first.commit();
    await second.rollback();
    expect(await read('t6-a')).toEqual({ _id: 't6-a', n: 2 });
  });

  test('on the wire, the conflicting write answers code DATABASE_TRANSACTION_CONFLICT', async () => {
    await docs().add({ data: { _id: 't6-wire', n: 1 } });
    const one = await wire('database.startTransaction', {});
    const two = await wire('database.startTransaction', {});
    expect(typeof one.transactionId).toBe('string');
    expect(two.transactionId).not.toBe(one.transactionId);
    const write = (transactionId: unknown, n: number) =>
      wire('database.modifyDocument', {
        collectionName: DOCS,
        queryType: 'DOC',
        query: JSON.stringify({ _id: 't6-wire' }),
        data: JSON.stringify({ $set: { n } }),
        multi: false,
        merge: true,
        upsert: false,
        transactionId,
      });
    try {
      const ok = await write(one.transactionId, 2);
      expect(ok.code).toBeUndefined();
      expect(ok.data).toEqual({ updated: 1, upsert_id: null });
      const refused = await write(two.transactionId, 3);
      expect(refused.code).toBe('DATABASE_TRANSACTION_CONFLICT');
    } finally {
      await wire('database.commitTransaction', { transactionId: one.transactionId });
      await wire('database.abortTransaction', { transactionId: two.transactionId });
    }
    expect(await read('t6-wire')).toEqual({ _id: 't6-wire', n: 2 });
  });

  test('a plain write after a transaction read and wrote the record makes the commit fail (first committer wins)', async () => {
    await docs().add({ data: { _id: 'fcw', n: 1 } });
    const tx = await t.db.startTransaction();
    const { data } = await tx.collection(DOCS).doc('fcw').get();
    await tx
      .collection(DOCS)
      .doc('fcw')
      .update({ data: { n: data.n + 1 } });
    await docs()
      .doc('fcw')
      .update({ data: { n: 40 } });
    const error = await rejection(tx.commit());
    expect(error.code).toBe('DATABASE_TRANSACTION_CONFLICT');
    expect(await read('fcw')).toEqual({ _id: 'fcw', n: 40 });
    expect(t.cloud.db.openTransactions()).toBe(0);
  });

  test('a plain write after the snapshot makes a later transactional write of that record fail', async () => {
    await docs().add({ data: { _id: 'late', n: 1 } });
    const tx = await t.db.startTransaction();
    await tx.collection(DOCS).doc('late').get();
    await docs()
      .doc('late')
      .update({ data: { n: 7 } });
    const error = await rejection(
      tx
        .collection(DOCS)
        .doc('late')
        .update({ data: { n: 2 } }),
    );
    expect(error.errMsg).toMatch(/document\.update:fail/);
    await tx.rollback();
    expect(await read('late')).toEqual({ _id: 'late', n: 7 });
  });

  test('runTransaction retries on a commit conflict and succeeds once the competitor has finished', async () => {
    await docs().add({ data: { _id: 'retry', n: 1 } });
    let attempts = 0;
    const result = await t.db.runTransaction(async (tx: TestCloud['db']) => {
      attempts += 1;
      const { data } = await tx.collection(DOCS).doc('retry').get();
      await tx
        .collection(DOCS)
        .doc('retry')
        .update({ data: { n: data.n + 1 } });
      if (attempts === 1) {
        // a competitor commits a change to the same record before this attempt commits
        await docs()
          .doc('retry')
          .update({ data: { n: 100 } });
      }
      return `attempt ${attempts} saw ${data.n}`;
    });
    expect(attempts).toBe(2);
    expect(result).toBe('attempt 2 saw 100');
    expect(await read('retry')).toEqual({ _id: 'retry', n: 101 });
    expect(t.cloud.db.openTransactions()).toBe(0);
  });
});

describe('the txn fixture function (accounts)', () => {
  async function balances(...ids: string[]): Promise<number[]> {
    return Promise.all(ids.map(async (id) => (await read(id, ACCOUNTS))?.balance as number));
  }

  test('a transfer moves money', async () => {
    await t.db.collection(ACCOUNTS).add({
      data: [
        { _id: 'mv-from', balance: 100 },
        { _id: 'mv-to', balance: 50 },
      ],
    });
    const { outcome } = await t.cloud.invoke('txn', { from: 'mv-from', to: 'mv-to', amount: 30 }, { openid: 'o' });
    expect(outcome).toMatchObject({ ok: true, result: { result: 'moved' } });
    expect(await balances('mv-from', 'mv-to')).toEqual([70, 80]);
  });

  test('an overdraft returns {error: insufficient} and changes nothing', async () => {
    await t.db.collection(ACCOUNTS).add({
      data: [
        { _id: 'od-from', balance: 10 },
        { _id: 'od-to', balance: 5 },
      ],
    });
    const { outcome } = await t.cloud.invoke('txn', { from: 'od-from', to: 'od-to', amount: 11 }, { openid: 'o' });
    expect(outcome).toMatchObject({ ok: true, result: { error: 'insufficient' } });
    expect(await balances('od-from', 'od-to')).toEqual([10, 5]);
    expect(t.cloud.db.openTransactions()).toBe(0);
  });

  test('20 concurrent transfers keep the total, and every reported transfer is exactly what happened', async () => {
    await t.db.collection(ACCOUNTS).add({
      data: [
        { _id: 'cc-a', balance: 100 },
        { _id: 'cc-b', balance: 100 },
      ],
    });
    const transfers = Array.from({ length: 20 }, (_, i) =>
      i % 2 === 0 ? { from: 'cc-a', to: 'cc-b', amount: 7 } : { from: 'cc-b', to: 'cc-a', amount: 3 },
    );
    const responses = await Promise.all(transfers.map((event) => t.cloud.invoke('txn', event, { openid: 'o' })));
    let expectedA = 100;
    let moved = 0;
    responses.forEach(({ outcome }, i) => {
      expect(outcome.ok).toBe(true);
      const result = (outcome as { result?: { result?: string; error?: string } }).result;
      if (result?.result === 'moved') {
        moved += 1;
        expectedA += transfers[i].from === 'cc-a' ? -transfers[i].amount : transfers[i].amount;
      } else {
        expect(typeof result?.error).toBe('string');
      }
    });
    expect(moved).toBeGreaterThan(0);
    const [a, b] = await balances('cc-a', 'cc-b');
    expect(a + b).toBe(200);
    expect(a).toBe(expectedA);
    expect(t.cloud.db.openTransactions()).toBe(0);

    // nothing is left locked: a later transfer goes through
    const { outcome } = await t.cloud.invoke('txn', { from: 'cc-a', to: 'cc-b', amount: 1 }, { openid: 'o' });
    expect(outcome).toMatchObject({ ok: true, result: { result: 'moved' } });
    expect(await balances('cc-a', 'cc-b')).toEqual([a - 1, b + 1]);
  });
});
