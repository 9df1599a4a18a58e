import type { LocalCloud } from 'wx-local-cloud';
import type { Grant, UserDoc } from '../../types';

type Db = LocalCloud['db'];

/** The person's `users` document, read by id (one primary-key lookup), or null when they have none. */
export function readUser(db: Db, openid: string): UserDoc | null {
  let raw: string | undefined;
  try {
    [raw] = db.getDocument({ collectionName: 'users', queryType: 'DOC', query: { _id: openid } }).list;
  } catch (error) {
    // A database without the collection (a bare test manifest) grants nobody anything.
    if ((error as { code?: unknown }).code === 'DATABASE_COLLECTION_NOT_EXIST') return null;
    throw error;
  }
  return raw === undefined ? null : (JSON.parse(raw) as UserDoc);
}

/** One grant as text with its fields in a fixed order, so that the same grant always reads the same. */
function grantKey(grant: Grant): string {
  switch (grant.role) {
    case 'staff':
      return JSON.stringify([grant.role, grant.communityId]);
    case 'unitAdmin':
      return JSON.stringify([grant.role, grant.unitId]);
    case 'countyAdmin':
      return JSON.stringify([grant.role]);
  }
}

/**
 * What a session is granted under: the person's grants (each role with the community or unit it applies to), as
 * stored in their `users` document. A session started under other grants has ended (a role given or taken away).
 */
export function grantsOf(db: Db, openid: string): string {
  const user = readUser(db, openid);
  if (!user) return 'none';
  return JSON.stringify([...new Set((user.grants ?? []).map(grantKey))].sort());
}
