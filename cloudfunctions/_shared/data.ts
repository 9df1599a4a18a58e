import type { CollectionName, Collections } from '../../types';
import { database, runTransaction } from './sdk';

type Doc<C extends CollectionName> = Collections[C];

/** A document without its id: what `set` writes over the whole document. */
export type Body<C extends CollectionName> = Omit<Doc<C>, '_id'>;

declare const commandKind: unique symbol;
declare const commandValue: unique symbol;

/** A database command standing in for a value; its kind (and value type) say where it fits. */
interface Command<Kind extends string, T = never> {
  readonly [commandKind]: Kind;
  readonly [commandValue]: T;
}

/** Removes an optional field (in `update`). */
export type Removal = Command<'remove'>;
/** Adds to a number field (in `update`). */
export type Increment = Command<'inc'>;
/** Matches any of the values (in a query). */
export type OneOf<T> = Command<'in', T>;
/** Matches documents that lack an optional field (in a query). */
export type Absence = Command<'notSet'>;
/** Matches values in a range (in a query): below, above, or both. */
export type Range<T> = Command<'range', T>;

type Defined<V> = Exclude<V, undefined>;

/** A change to some fields: each a value of its type, a removal for an optional field, an increment for a number. */
export type Patch<D> = {
  [K in Exclude<keyof D, '_id'>]?:
    Defined<D[K]> | (undefined extends D[K] ? Removal : never) | (Defined<D[K]> extends number ? Increment : never);
};

/** A query on a document's own fields: a value, one of several values, or (for an optional field) its absence. */
export type Where<D> = {
  [K in keyof D]?:
    | Defined<D[K]>
    | OneOf<Defined<D[K]>>
    | (undefined extends D[K] ? Absence : never)
    | (NonNullable<D[K]> extends number ? Range<number> : never);
};

const command = database.command;

export function removeField(): Removal {
  return command.remove() as unknown as Removal;
}

export function increment(by: number): Increment {
  return command.inc(by) as unknown as Increment;
}

export function oneOf<T>(values: readonly T[]): OneOf<T> {
  return command.in([...values]) as unknown as OneOf<T>;
}

export function notSet(): Absence {
  return command.exists(false) as unknown as Absence;
}

/** A range of numbers: `lt`/`lte`/`gt`/`gte`, any of them (at least one). */
export function within(bounds: { lt?: number; lte?: number; gt?: number; gte?: number }): Range<number> {
  const parts = Object.entries(bounds)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => (command[name as 'lt' | 'lte' | 'gt' | 'gte'] as (v: number) => unknown)(value as number));
  if (parts.length === 0) throw new Error('within() needs at least one bound');
  const combined = parts.length === 1 ? parts[0] : command.and(...(parts as Parameters<typeof command.and>));
  return combined as unknown as Range<number>;
}

/** What the SDK offers for one collection's documents, in or out of a transaction (it types these loosely). */
interface SdkDocs<D> {
  doc(id: string): {
    get(): Promise<{ data: D | null }>;
    set(options: { data: Omit<D, '_id'> }): Promise<unknown>;
    update(options: { data: Patch<D> }): Promise<unknown>;
    remove(): Promise<unknown>;
  };
  add(options: { data: D }): Promise<{ _id: string }>;
}

interface SdkTransaction {
  collection(name: CollectionName): unknown;
}

const SDK_TRANSACTION: unique symbol = Symbol('sdk transaction');

/** An open transaction: only the data layer can reach into it. */
export interface Transaction {
  readonly [SDK_TRANSACTION]: SdkTransaction;
}

/** Runs `work` in one database transaction (the SDK retries it when the commit meets a conflict). */
export function transact<T>(work: (transaction: Transaction) => Promise<T>): Promise<T> {
  return runTransaction((sdk) => work({ [SDK_TRANSACTION]: sdk as SdkTransaction }));
}

/** A collection's documents by id, typed by the collection: inside `transaction` when one is given. */
export interface Docs<C extends CollectionName> {
  get(id: string): Promise<Doc<C> | null>;
  /** Adds the document (with its own `_id` when it has one) and answers its id. */
  add(doc: Doc<C>): Promise<string>;
  set(id: string, body: Body<C>): Promise<void>;
  update(id: string, patch: Patch<Doc<C>>): Promise<void>;
  remove(id: string): Promise<void>;
}

export function docs<C extends CollectionName>(name: C, transaction?: Transaction): Docs<C> {
  const source = (transaction ? transaction[SDK_TRANSACTION].collection(name) : database.collection(name)) as SdkDocs<
    Doc<C>
  >;
  return {
    async get(id) {
      const { data } = await source.doc(id).get();
      return data ?? null;
    },
    async add(doc) {
      return (await source.add({ data: doc }))._id;
    },
    async set(id, body) {
      await source.doc(id).set({ data: body });
    },
    async update(id, patch) {
      await source.doc(id).update({ data: patch });
    },
    async remove(id) {
      await source.doc(id).remove();
    },
  };
}

/** What the SDK offers for querying a collection (outside transactions, which cannot query). */
interface SdkQuery<D> {
  where(query: Where<D>): SdkQuery<D>;
  orderBy(field: string, direction: 'asc' | 'desc'): SdkQuery<D>;
  field(projection: { _id: true }): SdkQuery<D>;
  skip(n: number): SdkQuery<D>;
  limit(n: number): SdkQuery<D>;
  get(): Promise<{ data: D[] }>;
  count(): Promise<{ total: number }>;
}

function query<C extends CollectionName>(name: C, where: Where<Doc<C>>): SdkQuery<Doc<C>> {
  return (database.collection(name) as unknown as SdkQuery<Doc<C>>).where(where);
}

/** The SDK answers at most 1000 documents per read. */
const PAGE = 1000;

export interface FindOptions<D> {
  orderBy?: [keyof D & string, 'asc' | 'desc'];
  /** At most PAGE (the default). */
  limit?: number;
}

/** Documents matching `where`, up to `limit`. */
export async function findMany<C extends CollectionName>(
  name: C,
  where: Where<Doc<C>>,
  options: FindOptions<Doc<C>> = {},
): Promise<Array<Doc<C>>> {
  let found = query(name, where);
  if (options.orderBy) found = found.orderBy(...options.orderBy);
  return (await found.limit(options.limit ?? PAGE).get()).data;
}

export async function countWhere<C extends CollectionName>(name: C, where: Where<Doc<C>>): Promise<number> {
  return (await query(name, where).count()).total;
}

/** The `_id` of every document matching `where`, read page by page. */
export async function idsWhere<C extends CollectionName>(name: C, where: Where<Doc<C>>): Promise<string[]> {
  const ids: string[] = [];
  for (;;) {
    const { data } = await query(name, where)
      .field({ _id: true })
      .orderBy('_id', 'asc')
      .skip(ids.length)
      .limit(PAGE)
      .get();
    ids.push(...data.map((doc) => String(doc._id)));
    if (data.length < PAGE) return ids;
  }
}

/**
 * Every document matching `where`, read page by page (at most PAGE per read) in the order of `_id`; each page is
 * handed over as it is read, so no single query holds more than PAGE documents.
 */
export async function* pagesWhere<C extends CollectionName>(
  name: C,
  where: Where<Doc<C>>,
): AsyncGenerator<Array<Doc<C>>, void, undefined> {
  let after: string | undefined;
  for (;;) {
    const filter = after === undefined ? where : { ...where, _id: command.gt(after) };
    const { data } = await query(name, filter as Where<Doc<C>>)
      .orderBy('_id', 'asc')
      .limit(PAGE)
      .get();
    if (data.length > 0) yield data;
    if (data.length < PAGE) return;
    after = String(data[data.length - 1]._id);
  }
}
