import type { CommunitySummary } from '../../types';
import { findMany, oneOf } from './data';
import { communitySummary } from './views';

/** Communities by id, read in one query. */
export async function communitiesById(ids: Array<string | undefined>): Promise<Map<string, CommunitySummary>> {
  const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  if (wanted.length === 0) return new Map();
  const found = await findMany('communities', { _id: oneOf(wanted) });
  return new Map(found.map((doc) => [doc._id, communitySummary(doc)]));
}
