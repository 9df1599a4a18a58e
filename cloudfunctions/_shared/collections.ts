import type {
  AuditLogDoc,
  CheckInDoc,
  CommunityDoc,
  CounterDoc,
  MemberDoc,
  ServiceCardDoc,
  UnitDoc,
  UserDoc,
} from '../../types';
import { db, type Transaction } from './sdk';

/** Collection name → the shape of its documents. */
export interface Collections {
  users: UserDoc;
  communities: CommunityDoc;
  units: UnitDoc;
  members: MemberDoc;
  checkIns: CheckInDoc;
  serviceCards: ServiceCardDoc;
  counters: CounterDoc;
  auditLogs: AuditLogDoc;
}
export type CollectionName = keyof Collections;

export function collection<C extends CollectionName>(name: C) {
  return db.collection(name);
}

/** One document by `_id`, or null (inside a transaction when one is given). */
export async function findById<C extends CollectionName>(
  name: C,
  id: string,
  transaction?: Transaction,
): Promise<Collections[C] | null> {
  const source = transaction ? transaction.collection(name) : db.collection(name);
  const { data } = (await source.doc(id).get()) as { data: unknown };
  return (data as Collections[C] | null) ?? null;
}

/** Documents matching `where`, up to `limit` (the SDK's own maximum is 1000 per read). */
export async function findMany<C extends CollectionName>(
  name: C,
  where: Record<string, unknown>,
  options: { limit?: number; orderBy?: [string, 'asc' | 'desc'] } = {},
): Promise<Collections[C][]> {
  let query = db.collection(name).where(where);
  if (options.orderBy) query = query.orderBy(...options.orderBy);
  const { data } = (await query.limit(options.limit ?? 1000).get()) as { data: unknown[] };
  return data as Collections[C][];
}

export async function countWhere(name: CollectionName, where: Record<string, unknown>): Promise<number> {
  const { total } = (await db.collection(name).where(where).count()) as { total: number };
  return total;
}

const PAGE = 1000;

/** The `_id` of every document matching `where`, read page by page (the SDK answers at most 1000 per read). */
export async function idsWhere(name: CollectionName, where: Record<string, unknown>): Promise<string[]> {
  const ids: string[] = [];
  for (;;) {
    const { data } = (await db
      .collection(name)
      .where(where)
      .field({ _id: true })
      .orderBy('_id', 'asc')
      .skip(ids.length)
      .limit(PAGE)
      .get()) as { data: Array<{ _id: string }> };
    ids.push(...data.map((doc) => doc._id));
    if (data.length < PAGE) return ids;
  }
}
