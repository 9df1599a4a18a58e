import type { LocalCloud } from 'wx-local-cloud';
import type { UserDoc } from '../../types';

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

/**
 * What a session is granted under: the roles and the community or unit they apply to, as stored in the person's
 * `users` document. A session started under other grants has ended (a role given or taken away).
 */
export function grantsOf(db: Db, openid: string): string {
  const user = readUser(db, openid);
  if (!user) return 'none';
  return JSON.stringify({
    roles: [...user.roles].sort(),
    staffCommunityId: user.staffCommunityId ?? null,
    adminUnitId: user.adminUnitId ?? null,
  });
}
