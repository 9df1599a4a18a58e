import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { CloudError, duplicateId, duplicateKey } from '../errors';
import { type Doc, type Value, decode, isPlainObject } from '../ejson';
import { indexEntries, scalarKey } from './index-keys';
import type { CollectionSpec, IndexSpec, Manifest } from './manifest';
import type { KeyLookup } from './planner';

type Connection = Database.Database;
type Row = { id: string; body: string };

const SCHEMA = `
CREATE TABLE IF NOT EXISTS collections (name TEXT PRIMARY KEY, spec TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS docs (coll TEXT NOT NULL, id TEXT NOT NULL, body TEXT NOT NULL, PRIMARY KEY (coll, id)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS ix (coll TEXT NOT NULL, name TEXT NOT NULL, key TEXT NOT NULL, id TEXT NOT NULL,
  PRIMARY KEY (coll, name, key, id)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS ix_by_doc ON ix (coll, id);
CREATE TABLE IF NOT EXISTS ux (coll TEXT NOT NULL, name TEXT NOT NULL, key TEXT NOT NULL, id TEXT NOT NULL,
  PRIMARY KEY (coll, name, key)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS ux_by_doc ON ux (coll, id);
`;

/** Prepared reads of one connection: the main one, or a transaction's snapshot. */
export class Reader {
  private readonly byId;
  private readonly all;
  private readonly count;
  private readonly byKey;
  private readonly byPrefix;
  private readonly allIds;
  /** Range lookups, prepared once per shape of bounds. */
  private readonly ranges = new Map<string, Database.Statement<string[], { id: string }>>();
  private readonly orderedRanges = new Map<string, Database.Statement<string[], { key: string; id: string }>>();

  constructor(readonly conn: Connection) {
    this.byId = conn.prepare<[string, string], Row>('SELECT id, body FROM docs WHERE coll = ? AND id = ?');
    this.all = conn.prepare<[string], Row>('SELECT id, body FROM docs WHERE coll = ?');
    this.allIds = conn.prepare<[string], string>('SELECT id FROM docs WHERE coll = ?').pluck();
    this.count = conn.prepare<[string], { n: number }>('SELECT count(*) AS n FROM docs WHERE coll = ?');
    this.byKey = conn.prepare<[string, string, string], { id: string }>(
      'SELECT id FROM ix WHERE coll = ? AND name = ? AND key = ?',
    );
    this.byPrefix = conn.prepare<[string, string, string, string], { id: string }>(
      'SELECT id FROM ix WHERE coll = ? AND name = ? AND key > ? AND key < ?',
    );
  }

  get(coll: string, id: string): string | undefined {
    return this.byId.get(coll, id)?.body;
  }

  scan(coll: string): IterableIterator<Row> {
    return this.all.iterate(coll);
  }

  size(coll: string): number {
    return this.count.get(coll)?.n ?? 0;
  }

  /** Every id of a collection. */
  allIdsOf(coll: string): string[] {
    return this.allIds.all(coll);
  }

  /**
   * The entries of one index between two keys, in key order (then id order; descending reads descend both), read
   * lazily so that the caller can stop early.
   */
  orderedEntries(
    coll: string,
    index: string,
    bounds: { lower: string; lowerInclusive: boolean; upper: string; upperInclusive: boolean },
    direction: 1 | -1,
  ): IterableIterator<{ key: string; id: string }> {
    const dir = direction === 1 ? 'ASC' : 'DESC';
    const sql =
      `SELECT key, id FROM ix WHERE coll = ? AND name = ? AND key ${bounds.lowerInclusive ? '>=' : '>'} ? ` +
      `AND key ${bounds.upperInclusive ? '<=' : '<'} ? ORDER BY key ${dir}, id ${dir}`;
    let statement = this.orderedRanges.get(sql);
    if (!statement) {
      statement = this.conn.prepare<string[], { key: string; id: string }>(sql);
      this.orderedRanges.set(sql, statement);
    }
    return statement.iterate(coll, index, bounds.lower, bounds.upper);
  }

  /** Ids of the documents an index lookup yields, in index order, each once. */
  ids(coll: string, index: string, lookup: KeyLookup): string[] {
    const ids = new Set<string>();
    if (lookup.kind === 'keys') {
      for (const key of lookup.keys) {
        const rows = lookup.prefix
          ? this.byPrefix.all(coll, index, `${key}\u0001`, `${key}\u0002`)
          : this.byKey.all(coll, index, key);
        for (const row of rows) ids.add(row.id);
      }
      return [...ids];
    }
    const clauses = ['coll = ?', 'name = ?'];
    const params: string[] = [coll, index];
    if (lookup.lower !== undefined) {
      clauses.push(lookup.lowerInclusive ? 'key >= ?' : 'key > ?');
      params.push(lookup.lower);
    }
    if (lookup.upper !== undefined) {
      clauses.push(lookup.upperInclusive ? 'key <= ?' : 'key < ?');
      params.push(lookup.upper);
    }
    const sql = `SELECT id FROM ix WHERE ${clauses.join(' AND ')}`;
    let statement = this.ranges.get(sql);
    if (!statement) {
      statement = this.conn.prepare<string[], { id: string }>(sql);
      this.ranges.set(sql, statement);
    }
    for (const row of statement.iterate(...params)) ids.add(row.id);
    return [...ids];
  }
}

export interface StoreOptions {
  /** Folder of the database file; undefined keeps everything in memory (tests that need no durability). */
  dataDir?: string;
}

/**
 * The durable store: one SQLite file in WAL mode. Documents are relaxed-EJSON text; index entries live in their
 * own tables so that indexed reads touch only matching rows and unique indexes are enforced by SQLite itself.
 */
export class Store {
  readonly main: Connection;
  readonly reader: Reader;
  private readonly file: string;
  private readonly specs = new Map<string, CollectionSpec>();
  private readonly spare: Connection[] = [];
  private readonly writes;
  /**
   * Per collection and index, the key fields where some document holds an array or a value that index keys do not
   * order (an object): reads in index order must not trust those fields. Found on first use, kept up to date by
   * writes, never narrowed by deletes (like MongoDB's multikey flag).
   */
  private readonly unordered = new Map<string, Map<string, Set<string>>>();

  constructor(options: StoreOptions) {
    if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
    this.file = options.dataDir ? join(options.dataDir, 'database.sqlite') : ':memory:';
    this.main = new Database(this.file);
    this.main.pragma('journal_mode = WAL');
    this.main.pragma('synchronous = NORMAL');
    this.main.pragma('busy_timeout = 5000');
    this.main.exec(SCHEMA);
    this.reader = new Reader(this.main);
    this.writes = {
      putDoc: this.main.prepare(
        'INSERT INTO docs (coll, id, body) VALUES (?, ?, ?) ON CONFLICT (coll, id) DO UPDATE SET body = excluded.body',
      ),
      insertDoc: this.main.prepare('INSERT INTO docs (coll, id, body) VALUES (?, ?, ?)'),
      deleteDoc: this.main.prepare('DELETE FROM docs WHERE coll = ? AND id = ?'),
      dropIx: this.main.prepare('DELETE FROM ix WHERE coll = ? AND id = ?'),
      dropUx: this.main.prepare('DELETE FROM ux WHERE coll = ? AND id = ?'),
      addIx: this.main.prepare('INSERT OR IGNORE INTO ix (coll, name, key, id) VALUES (?, ?, ?, ?)'),
      addUx: this.main.prepare('INSERT INTO ux (coll, name, key, id) VALUES (?, ?, ?, ?)'),
      saveSpec: this.main.prepare(
        'INSERT INTO collections (name, spec) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET spec = excluded.spec',
      ),
    };
    for (const row of this.main
      .prepare<[], { name: string; spec: string }>('SELECT name, spec FROM collections')
      .all()) {
      this.specs.set(row.name, JSON.parse(row.spec) as CollectionSpec);
    }
  }

  get path(): string {
    return this.file;
  }

  /** Creates the manifest's collections and (re)builds any index whose definition changed. */
  applyManifest(manifest: Manifest): void {
    this.main.transaction(() => {
      for (const spec of manifest.collections) {
        const before = this.specs.get(spec.name);
        const changed = JSON.stringify(before?.indexes ?? []) !== JSON.stringify(spec.indexes);
        this.saveSpec(spec);
        if (before && changed) this.rebuildIndexes(spec.name);
      }
    })();
  }

  /** The key fields of an index whose entries may not sort a document by one plain value (see `unordered`). */
  unorderedFields(coll: string, index: IndexSpec): Set<string> {
    let byIndex = this.unordered.get(coll);
    if (!byIndex) {
      byIndex = new Map(this.indexes(coll).map((spec) => [spec.name, new Set<string>()]));
      this.unordered.set(coll, byIndex);
      for (const row of this.reader.scan(coll)) this.noteUnordered(coll, decode(row.body) as Doc);
    }
    return byIndex.get(index.name) ?? new Set(Object.keys(index.keys));
  }

  private noteUnordered(coll: string, doc: Doc): void {
    const byIndex = this.unordered.get(coll);
    if (!byIndex) return;
    for (const spec of this.indexes(coll)) {
      const fields = byIndex.get(spec.name);
      if (!fields) continue;
      for (const field of Object.keys(spec.keys)) {
        if (!fields.has(field) && !plainValueAt(doc, field.split('.'))) fields.add(field);
      }
    }
  }

  collectionNames(): string[] {
    return [...this.specs.keys()].sort();
  }

  spec(name: string): CollectionSpec | undefined {
    return this.specs.get(name);
  }

  indexes(name: string): IndexSpec[] {
    return this.specs.get(name)?.indexes ?? [];
  }

  createCollection(name: string): void {
    if (this.specs.has(name)) {
      throw new CloudError('DATABASE_COLLECTION_ALREADY_EXIST', `collection ${name} already exists`);
    }
    this.saveSpec({ name, indexes: [] });
  }

  private saveSpec(spec: CollectionSpec): void {
    this.unordered.delete(spec.name);
    this.writes.saveSpec.run(spec.name, JSON.stringify(spec));
    this.specs.set(spec.name, spec);
  }

  private rebuildIndexes(coll: string): void {
    this.unordered.delete(coll);
    this.main.prepare('DELETE FROM ix WHERE coll = ?').run(coll);
    this.main.prepare('DELETE FROM ux WHERE coll = ?').run(coll);
    // Read first: better-sqlite3 refuses writes on a connection while one of its iterators is open.
    for (const row of [...this.reader.scan(coll)]) {
      this.indexDoc(coll, row.id, decode(row.body) as Doc);
    }
  }

  private indexDoc(coll: string, id: string, doc: Doc): void {
    for (const index of this.indexes(coll)) {
      for (const key of indexEntries(doc, index)) {
        this.writes.addIx.run(coll, index.name, key, id);
        if (index.unique) {
          try {
            this.writes.addUx.run(coll, index.name, key, id);
          } catch (error) {
            if ((error as { code?: string }).code?.startsWith('SQLITE_CONSTRAINT')) {
              throw duplicateKey(coll, index.name, key.slice(1));
            }
            throw error;
          }
        }
      }
    }
  }

  /**
   * Writes one document (insert, replace or delete with `doc === null`). Must run inside `atomically`, which
   * rolls every write back when one fails (a unique index, a duplicate _id).
   */
  write(coll: string, id: string, doc: Doc | null, body: string | null, mode: 'insert' | 'upsert'): void {
    this.writes.dropIx.run(coll, id);
    this.writes.dropUx.run(coll, id);
    if (doc === null || body === null) {
      this.writes.deleteDoc.run(coll, id);
      return;
    }
    if (mode === 'insert') {
      try {
        this.writes.insertDoc.run(coll, id, body);
      } catch (error) {
        if ((error as { code?: string }).code?.startsWith('SQLITE_CONSTRAINT')) {
          throw duplicateId(coll, id);
        }
        throw error;
      }
    } else {
      this.writes.putDoc.run(coll, id, body);
    }
    this.indexDoc(coll, id, doc);
    this.noteUnordered(coll, doc);
  }

  atomically<T>(fn: () => T): T {
    return this.main.transaction(fn)();
  }

  /** A read-only connection pinned to the current committed state, for a transaction's snapshot reads. */
  openSnapshot(): { reader: Reader; release: () => void } {
    const conn = this.spare.pop() ?? this.openReadConnection();
    conn.exec('BEGIN');
    conn.prepare('SELECT count(*) FROM collections').get();
    const reader = readers.get(conn) ?? new Reader(conn);
    readers.set(conn, reader);
    return {
      reader,
      release: () => {
        conn.exec('ROLLBACK');
        if (this.spare.length < 16) this.spare.push(conn);
        else conn.close();
      },
    };
  }

  private openReadConnection(): Connection {
    if (this.file === ':memory:') {
      throw new Error('transactions need a data folder: in-memory stores cannot open a snapshot connection');
    }
    const conn = new Database(this.file, { readonly: true });
    conn.pragma('busy_timeout = 5000');
    return conn;
  }

  /** Drops every document and index entry and re-applies the manifest: a clean database for a test. */
  reset(manifest: Manifest): void {
    this.main.transaction(() => {
      this.main.exec('DELETE FROM docs; DELETE FROM ix; DELETE FROM ux; DELETE FROM collections;');
      this.specs.clear();
    })();
    this.unordered.clear();
    this.applyManifest(manifest);
  }

  close(): void {
    for (const conn of this.spare.splice(0)) conn.close();
    this.main.close();
  }
}

const readers = new WeakMap<Connection, Reader>();

/**
 * Whether a dot path leads to one value that an index key orders as mingo sorts it: no array on the way or at
 * the end, and a scalar (or nothing) there.
 */
function plainValueAt(doc: Doc, path: string[]): boolean {
  let value: Value | undefined = doc;
  for (const key of path) {
    if (Array.isArray(value)) return false;
    if (!isPlainObject(value)) return true;
    value = value[key];
    if (value === undefined) return true;
  }
  if (Array.isArray(value)) return false;
  if (value instanceof Date && Number.isNaN(value.getTime())) return false;
  return scalarKey(value) !== undefined;
}
