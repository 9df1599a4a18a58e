import { randomBytes } from 'node:crypto';
import { CloudError, collectionMissing, duplicateId } from '../errors';
import { type Doc, type Value, decode, decodeDoc, encode, isPlainObject } from '../ejson';
import { rewriteBucket } from './bucket';
import type { Manifest } from './manifest';
import { cloneDoc, compileQuery, runPipeline, runUpdate, sortSkipLimitProject } from './mingo';
import { type OrderedPlan, UTF16_ORDER_RISK, chooseOrderedPlan, choosePlan, soleSortField } from './planner';
import { type Reader, Store } from './store';
import { toMongoQuery, toMongoUpdate } from './wechat-query';

export const MAX_LIMIT = 1000;
export const DEFAULT_LIMIT = 100;
/** Without a $limit stage the cloud returns at most 20 aggregation results. */
export const AGGREGATE_DEFAULT_LIMIT = 20;
const TRANSACTION_IDLE_MS = 30_000;

export function newDocId(): string {
  const seconds = Math.floor(Date.now() / 1000)
    .toString(16)
    .padStart(8, '0');
  return seconds + randomBytes(12).toString('hex');
}

export interface QueryParams {
  collectionName: string;
  queryType?: 'WHERE' | 'DOC';
  query?: unknown;
  order?: unknown;
  offset?: number;
  limit?: number;
  projection?: unknown;
  transactionId?: string;
}

export interface ModifyParams extends QueryParams {
  data: unknown;
  multi?: boolean;
  merge?: boolean;
  upsert?: boolean;
}

interface PendingWrite {
  coll: string;
  id: string;
  /** The committed body when the transaction first touched the document (undefined: it did not exist). */
  before: string | undefined;
  after: Doc | null;
}

interface Transaction {
  id: string;
  reader: Reader;
  release: () => void;
  writes: Map<string, PendingWrite>;
  timer: NodeJS.Timeout;
}

export interface DatabaseStats {
  /** Requests served per action since start (or the last `resetStats`). */
  actions: Record<string, number>;
}

const writeKey = (coll: string, id: string) => `${coll}\u0000${id}`;

/** The cloud database's admin actions, over the durable store. Every method is synchronous: one request is atomic. */
export class DatabaseEngine {
  private readonly transactions = new Map<string, Transaction>();
  /** Which open transaction holds each document it has written. */
  private readonly locks = new Map<string, string>();
  /** Documents read from the store to answer queries: shows whether an index spared a scan. */
  docsExamined = 0;
  /**
   * Read sorted queries in their order and stop at `offset + limit` matches when an index (or the _id order)
   * allows; off, every match is read and sorted in memory (the reference the ordered reads are tested against).
   */
  orderedReads = true;

  constructor(
    readonly store: Store,
    private manifest: Manifest,
  ) {
    store.applyManifest(manifest);
  }

  /** Ends every open transaction, releasing its snapshot. */
  abortAll(): void {
    for (const id of [...this.transactions.keys()]) this.endTransaction(id);
  }

  reset(manifest: Manifest = this.manifest): void {
    this.abortAll();
    this.manifest = manifest;
    this.store.reset(manifest);
  }

  private requireCollection(name: string): void {
    if (!this.store.spec(name)) throw collectionMissing(name);
  }

  private requireWritable(name: string): void {
    this.requireCollection(name);
    if (this.store.spec(name)?.readOnly) {
      throw new CloudError('DATABASE_PERMISSION_DENIED', `permission denied: collection ${name} is read-only`);
    }
  }

  private transaction(id: string | undefined): Transaction | undefined {
    if (!id) return undefined;
    const tx = this.transactions.get(id);
    if (!tx) throw new CloudError('DATABASE_TRANSACTION_FAIL', `transaction ${id} does not exist or has ended`);
    tx.timer.refresh();
    return tx;
  }

  /** The current version of a document as this caller sees it: its own pending write, else its snapshot. */
  private readDoc(coll: string, id: string, tx: Transaction | undefined): Doc | undefined {
    if (tx) {
      const pending = tx.writes.get(writeKey(coll, id));
      if (pending) return pending.after === null ? undefined : cloneDoc(pending.after);
      const body = tx.reader.get(coll, id);
      return body === undefined ? undefined : (decode(body) as Doc);
    }
    const body = this.store.reader.get(coll, id);
    return body === undefined ? undefined : (decode(body) as Doc);
  }

  /** `readDoc`'s document in its stored (encoded) form. */
  private readBody(coll: string, id: string, tx: Transaction | undefined): string | undefined {
    if (tx) {
      const pending = tx.writes.get(writeKey(coll, id));
      if (pending) return pending.after === null ? undefined : encode(pending.after);
      return tx.reader.get(coll, id);
    }
    return this.store.reader.get(coll, id);
  }

  /** Documents that may match `query`: by _id, through an index, or (without either) the whole collection. */
  private *lookup(coll: string, query: Doc, reader: Reader, sortField?: string): Generator<Doc> {
    const ids = idsOf(query._id);
    const plan = ids ? undefined : choosePlan(query, this.store.indexes(coll), sortField);
    const keys = ids ?? (plan ? reader.ids(coll, plan.index.name, plan.lookup) : undefined);
    if (keys) {
      for (const id of keys) {
        const body = reader.get(coll, id);
        if (body !== undefined) yield decode(body) as Doc;
      }
      return;
    }
    for (const row of reader.scan(coll)) yield decode(row.body) as Doc;
  }

  private candidates(coll: string, query: Doc): Doc[] {
    const docs = [...this.lookup(coll, query, this.store.reader)];
    this.docsExamined += docs.length;
    return docs;
  }

  /** The documents matching a query, stopping after `max` (a read without order needs no more than it returns). */
  private match(coll: string, rawQuery: unknown, max = Infinity, sortField?: string): Doc[] {
    const query = toMongoQuery(decodeDoc(rawQuery));
    const test = compileQuery(query);
    const matches: Doc[] = [];
    for (const doc of this.lookup(coll, query, this.store.reader, sortField)) {
      this.docsExamined++;
      if (!test(doc)) continue;
      matches.push(doc);
      if (matches.length >= max) break;
    }
    return matches;
  }

  /**
   * The first `max` matches of a query in `order`, read in that order through an index or by sorted _id; undefined
   * when no such read applies (or one meets a value whose order it cannot vouch for), and the caller sorts every
   * match instead. Ties come in _id order, as the stable in-memory sort leaves them.
   */
  private matchInOrder(coll: string, rawQuery: unknown, order: Record<string, 1 | -1>, max: number): Doc[] | undefined {
    if (!this.orderedReads || max <= 0 || !Number.isFinite(max)) return undefined;
    const query = toMongoQuery(decodeDoc(rawQuery));
    if (idsOf(query._id)) return undefined;
    const indexes = this.store.indexes(coll);
    const base = choosePlan(query, indexes, soleSortField(order));
    const plan = chooseOrderedPlan(query, order, indexes, base);
    if (!plan) return undefined;
    if (plan.kind === 'index' && this.store.unorderedFields(coll, plan.index).has(plan.field)) return undefined;
    const test = compileQuery(query);
    const reader = this.store.reader;
    const matches: Doc[] = [];
    for (const id of this.orderedIds(coll, plan)) {
      const body = reader.get(coll, id);
      if (body === undefined) continue;
      const doc = decode(body) as Doc;
      this.docsExamined++;
      if (!test(doc)) continue;
      if (plan.kind === 'id' ? doc._id !== id : !orderTrusted(doc, plan.field)) return undefined;
      matches.push(doc);
      if (matches.length >= max) break;
    }
    return matches;
  }

  /** The ids an ordered plan reads, in the order of the query's sort, ties by ascending _id. */
  private *orderedIds(coll: string, plan: OrderedPlan): Generator<string> {
    const reader = this.store.reader;
    if (plan.kind === 'id') {
      let ids = plan.base ? reader.ids(coll, plan.base.index.name, plan.base.lookup) : reader.allIdsOf(coll);
      const { range } = plan;
      if (range) ids = ids.filter((id) => inStringRange(id, range));
      // mingo compares strings by UTF-16 code units, as < does (SQLite's id order is by UTF-8 bytes).
      ids.sort((a, b) => (a < b ? -plan.direction : a > b ? plan.direction : 0));
      yield* ids;
      return;
    }
    const entries = reader.orderedEntries(coll, plan.index.name, plan, plan.direction);
    if (plan.direction === 1) {
      for (const entry of entries) yield entry.id;
      return;
    }
    // Descending keys, but equal keys (ties) in ascending _id order: each run of one key is reversed.
    let run: string[] = [];
    let runKey: string | undefined;
    for (const entry of entries) {
      if (entry.key !== runKey) {
        for (let i = run.length - 1; i >= 0; i--) yield run[i];
        run = [];
        runKey = entry.key;
      }
      run.push(entry.id);
    }
    for (let i = run.length - 1; i >= 0; i--) yield run[i];
  }

  private docIdOf(params: QueryParams): string {
    const query = decodeDoc(params.query);
    const id = query._id;
    if (typeof id !== 'string' && typeof id !== 'number') {
      throw new CloudError('INVALID_PARAM', 'a DOC request needs query {_id}');
    }
    return String(id);
  }

  private refuseWhereInTransaction(params: QueryParams): void {
    if (params.transactionId && params.queryType !== 'DOC') {
      throw new CloudError('DATABASE_REQUEST_FAILED', '事务中只支持单文档操作（doc），不支持 where 查询');
    }
  }

  getDocument(params: QueryParams): { list: string[] } {
    this.requireCollection(params.collectionName);
    this.refuseWhereInTransaction(params);
    const projection = params.projection ? normaliseProjection(decodeDoc(params.projection)) : undefined;
    if (params.queryType === 'DOC') {
      const tx = this.transaction(params.transactionId);
      if (!projection) {
        // The stored body is already the document's encoding: answered as is, without decoding and re-encoding.
        const body = this.readBody(params.collectionName, this.docIdOf(params), tx);
        return { list: body === undefined ? [] : [body] };
      }
      const doc = this.readDoc(params.collectionName, this.docIdOf(params), tx);
      if (!doc) return { list: [] };
      return { list: sortSkipLimitProject([doc], undefined, 0, 1, projection).map(encode) };
    }
    const limit = Math.min(Math.max(params.limit ?? DEFAULT_LIMIT, 0), MAX_LIMIT);
    const order = params.order ? (decodeDoc(params.order) as Record<string, 1 | -1>) : undefined;
    const offset = params.offset ?? 0;
    const docs =
      (order && this.matchInOrder(params.collectionName, params.query, order, offset + limit)) ??
      this.match(params.collectionName, params.query, order ? Infinity : offset + limit, soleSortField(order));
    return { list: sortSkipLimitProject(docs, order, offset, limit, projection).map(encode) };
  }

  calculateDocument(params: QueryParams): { total: number } {
    this.requireCollection(params.collectionName);
    this.refuseWhereInTransaction(params);
    const query = decodeDoc(params.query);
    if (Object.keys(query).length === 0) return { total: this.store.reader.size(params.collectionName) };
    return { total: this.match(params.collectionName, params.query).length };
  }

  insertDocument(params: { collectionName: string; data: unknown[]; transactionId?: string }): {
    insertedIds: string[];
  } {
    const coll = params.collectionName;
    this.requireWritable(coll);
    const tx = this.transaction(params.transactionId);
    const now = Date.now();
    const docs = params.data.map((item) => {
      const doc = decodeDoc(item, now);
      if (doc._id === undefined || doc._id === null) doc._id = newDocId();
      if (typeof doc._id !== 'string' || doc._id.length === 0) {
        throw new CloudError('INVALID_PARAM', '_id 必须是非空字符串');
      }
      return doc as Doc & { _id: string };
    });
    if (tx) {
      for (const doc of docs) {
        if (this.readDoc(coll, doc._id, tx)) throw duplicateId(coll, doc._id);
        this.stage(tx, coll, doc._id, doc);
      }
    } else {
      this.store.atomically(() => {
        for (const doc of docs) this.store.write(coll, doc._id, doc, encode(doc), 'insert');
      });
    }
    return { insertedIds: docs.map((d) => d._id) };
  }

  modifyDocument(params: ModifyParams): { updated: number; upsert_id: string | null } {
    const coll = params.collectionName;
    this.requireWritable(coll);
    this.refuseWhereInTransaction(params);
    const data = decodeDoc(params.data);
    const merge = params.merge !== false;
    if (!merge && Object.keys(data).some((k) => k.startsWith('$'))) {
      throw new CloudError('DATABASE_INVALID_OPERRATOR', 'set 不能包含更新操作符');
    }
    const update = (doc: Doc): Doc => {
      if (merge) return restoreId(runUpdate(doc, toMongoUpdate(data)), doc._id);
      return { ...withoutId(data), _id: doc._id };
    };
    if (params.queryType === 'DOC') {
      const id = this.docIdOf(params);
      const tx = this.transaction(params.transactionId);
      const current = this.readDoc(coll, id, tx);
      if (!current && !params.upsert) return { updated: 0, upsert_id: null };
      const next = current ? update(current) : update({ _id: id });
      if (tx) this.stage(tx, coll, id, next);
      else this.store.atomically(() => this.store.write(coll, id, next, encode(next), 'upsert'));
      return current ? { updated: 1, upsert_id: null } : { updated: 0, upsert_id: id };
    }
    const targets = this.match(coll, params.query, params.multi === false ? 1 : Infinity);
    if (targets.length === 0 && params.upsert) {
      const seed = equalityFields(toMongoQuery(decodeDoc(params.query)));
      const id = typeof seed._id === 'string' ? seed._id : newDocId();
      const created = update({ ...seed, _id: id });
      this.store.atomically(() => this.store.write(coll, id, created, encode(created), 'insert'));
      return { updated: 0, upsert_id: id };
    }
    this.store.atomically(() => {
      for (const doc of targets) {
        const next = update(doc);
        this.store.write(coll, String(doc._id), next, encode(next), 'upsert');
      }
    });
    return { updated: targets.length, upsert_id: null };
  }

  modifyAndReturnDoc(params: ModifyParams): { updated: number; doc: string | null } {
    const coll = params.collectionName;
    this.requireWritable(coll);
    this.refuseWhereInTransaction(params);
    const data = toMongoUpdate(decodeDoc(params.data));
    const [target] = this.match(coll, params.query, 1);
    if (!target) return { updated: 0, doc: null };
    const next = restoreId(runUpdate(target, data), target._id);
    this.store.atomically(() => this.store.write(coll, String(target._id), next, encode(next), 'upsert'));
    return { updated: 1, doc: encode(next) };
  }

  removeDocument(params: QueryParams & { multi?: boolean }): { deleted: number } {
    const coll = params.collectionName;
    this.requireWritable(coll);
    this.refuseWhereInTransaction(params);
    if (params.queryType === 'DOC') {
      const id = this.docIdOf(params);
      const tx = this.transaction(params.transactionId);
      if (!this.readDoc(coll, id, tx)) return { deleted: 0 };
      if (tx) this.stage(tx, coll, id, null);
      else this.store.atomically(() => this.store.write(coll, id, null, null, 'upsert'));
      return { deleted: 1 };
    }
    const targets = this.match(coll, params.query, params.multi === false ? 1 : Infinity);
    this.store.atomically(() => {
      for (const doc of targets) this.store.write(coll, String(doc._id), null, null, 'upsert');
    });
    return { deleted: targets.length };
  }

  aggregateDocuments(params: {
    collectionName: string;
    stages: { stageKey: string; stageValue: unknown }[];
    transactionId?: string;
  }): { list: string[] } {
    const coll = params.collectionName;
    this.requireCollection(coll);
    if (params.transactionId) {
      throw new CloudError('DATABASE_REQUEST_FAILED', '事务中不支持聚合操作');
    }
    const pipeline: Doc[] = params.stages.flatMap(({ stageKey, stageValue }) => {
      const value: Value = decode(stageValue);
      if (stageKey === '$match' && isPlainObject(value)) return [{ $match: toMongoQuery(value) }];
      if (stageKey === '$bucket') return rewriteBucket(value);
      return [{ [stageKey]: value }];
    });
    const first = pipeline[0]?.$match;
    const source = isPlainObject(first) ? this.candidates(coll, first) : this.candidates(coll, {});
    const resolve = (name: string): Doc[] => {
      this.requireCollection(name);
      return this.candidates(name, {});
    };
    const hasLimit = pipeline.some((stage) => '$limit' in stage);
    const result = runPipeline(source, pipeline, resolve);
    return { list: (hasLimit ? result : result.slice(0, AGGREGATE_DEFAULT_LIMIT)).map(encode) };
  }

  addCollection(params: { collectionName: string }): Record<string, never> {
    this.store.createCollection(params.collectionName);
    return {};
  }

  // --- transactions -------------------------------------------------------------------------------------------

  startTransaction(): { transactionId: string } {
    const id = `tx_${newDocId()}`;
    const snapshot = this.store.openSnapshot();
    const timer = setTimeout(() => this.endTransaction(id), TRANSACTION_IDLE_MS);
    timer.unref();
    this.transactions.set(id, { id, reader: snapshot.reader, release: snapshot.release, writes: new Map(), timer });
    return { transactionId: id };
  }

  /**
   * Stages a write: refused at once when another open transaction holds the document, or when someone committed
   * a change to it after this transaction's snapshot (snapshot isolation's first-committer-wins).
   */
  private stage(tx: Transaction, coll: string, id: string, doc: Doc | null): void {
    const key = writeKey(coll, id);
    const holder = this.locks.get(key);
    if (holder && holder !== tx.id) {
      throw new CloudError(
        'DATABASE_TRANSACTION_CONFLICT',
        `document ${id} of ${coll} is written by another transaction`,
      );
    }
    const existing = tx.writes.get(key);
    if (existing) {
      existing.after = doc;
      return;
    }
    const before = tx.reader.get(coll, id);
    if (this.store.reader.get(coll, id) !== before) {
      throw new CloudError(
        'DATABASE_TRANSACTION_CONFLICT',
        `document ${id} of ${coll} changed after the transaction began`,
      );
    }
    this.locks.set(key, tx.id);
    tx.writes.set(key, { coll, id, before, after: doc });
  }

  commitTransaction(params: { transactionId: string }): Record<string, never> {
    const tx = this.transaction(params.transactionId) as Transaction;
    try {
      for (const write of tx.writes.values()) {
        if (this.store.reader.get(write.coll, write.id) !== write.before) {
          throw new CloudError(
            'DATABASE_TRANSACTION_CONFLICT',
            `document ${write.id} of ${write.coll} changed meanwhile`,
          );
        }
      }
      this.store.atomically(() => {
        for (const write of tx.writes.values()) {
          const body = write.after === null ? null : encode(write.after);
          this.store.write(write.coll, write.id, write.after, body, write.before === undefined ? 'insert' : 'upsert');
        }
      });
    } finally {
      this.endTransaction(tx.id);
    }
    return {};
  }

  abortTransaction(params: { transactionId: string }): Record<string, never> {
    this.transaction(params.transactionId);
    this.endTransaction(params.transactionId);
    return {};
  }

  private endTransaction(id: string): void {
    const tx = this.transactions.get(id);
    if (!tx) return;
    clearTimeout(tx.timer);
    for (const key of tx.writes.keys()) if (this.locks.get(key) === id) this.locks.delete(key);
    tx.release();
    this.transactions.delete(id);
  }

  openTransactions(): number {
    return this.transactions.size;
  }
}

/** The ids an `_id` condition names outright (a string, `$eq` or `$in` of strings), read by primary key. */
function idsOf(condition: Value | undefined): string[] | undefined {
  if (typeof condition === 'string') return [condition];
  if (!isPlainObject(condition) || Object.keys(condition).length !== 1) return undefined;
  if (typeof condition.$eq === 'string') return [condition.$eq];
  const list = condition.$in;
  if (Array.isArray(list) && list.every((id) => typeof id === 'string')) return [...new Set(list as string[])];
  return undefined;
}

/** Whether `id` meets every string bound of an `_id` range, compared as mingo compares strings. */
function inStringRange(id: string, range: { gt?: Value; gte?: Value; lt?: Value; lte?: Value }): boolean {
  const { gt, gte, lt, lte } = range as { gt?: string; gte?: string; lt?: string; lte?: string };
  return (
    (gt === undefined || id > gt) &&
    (gte === undefined || id >= gte) &&
    (lt === undefined || id < lt) &&
    (lte === undefined || id <= lte)
  );
}

/**
 * Index order agrees with mingo's on a matched document's sort value (the index holds no arrays or objects for
 * the field) unless it is a string with characters that UTF-8 and UTF-16 order differently.
 */
function orderTrusted(doc: Doc, field: string): boolean {
  let value: Value | undefined = doc;
  for (const key of field.split('.')) value = isPlainObject(value) ? value[key] : undefined;
  return typeof value !== 'string' || !UTF16_ORDER_RISK.test(value);
}

function withoutId(doc: Doc): Doc {
  const { _id: _ignored, ...rest } = doc;
  return rest;
}

function restoreId(doc: Doc, id: Value | undefined): Doc {
  if (id !== undefined) doc._id = id;
  return doc;
}

/** `field({a: true, b: false})` arrives with booleans; mingo wants 1 and 0. */
function normaliseProjection(projection: Doc): Doc | undefined {
  const out: Doc = {};
  for (const [key, value] of Object.entries(projection)) {
    out[key] = typeof value === 'boolean' ? (value ? 1 : 0) : value;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** The plain equality fields of a query, which an upsert copies into the new document. */
function equalityFields(query: Doc): Doc {
  const seed: Doc = {};
  for (const [key, value] of Object.entries(query)) {
    if (key.startsWith('$') || key.includes('.')) continue;
    if (isPlainObject(value)) {
      if ('$eq' in value) seed[key] = value.$eq;
      continue;
    }
    if (!(value instanceof RegExp)) seed[key] = value;
  }
  return seed;
}
