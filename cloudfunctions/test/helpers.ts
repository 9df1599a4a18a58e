import { join } from 'node:path';
import {
  COLLECTION_NAMES,
  type ActionName,
  type CallResult,
  type CollectionName,
  type FunctionName,
  type RequestOf,
  type ResponseOf,
} from '../../types';
import { startTestCloud, type TestCloud } from 'wx-local-cloud/testing';
import { aRegistration } from '../../domain/testing';
import { aCommunity, aUnit, aUser, insert } from './fixtures';

const ROOT = join(__dirname, '..', '..');

/** The local cloud running the built function bundles (dist-cloud/) with the real wx-server-sdk. */
export async function startFunctionsCloud(): Promise<TestCloud> {
  return startTestCloud({
    functionsDir: join(ROOT, 'dist-cloud'),
    manifest: join(ROOT, 'cloudfunctions', 'database.json'),
  });
}

/** Invokes a function's action as `openid`, through the runner, exactly as the platform would (any data: for refusals). */
export async function call<F extends FunctionName, A extends ActionName<F>>(
  t: TestCloud,
  openid: string,
  fn: F,
  action: A,
  data: unknown = {},
): Promise<CallResult<ResponseOf<F, A>>> {
  const { outcome } = await t.cloud.invoke(fn, { action, data }, { openid });
  if (!outcome.ok) throw new Error(`${fn}.${action} failed in the runner: ${outcome.errMsg}`);
  return outcome.result as CallResult<ResponseOf<F, A>>;
}

/** The request may be left out when it has no required field. */
type RequestArgs<F extends FunctionName, A extends ActionName<F>> =
  Record<string, never> extends RequestOf<F, A> ? [data?: RequestOf<F, A>] : [data: RequestOf<F, A>];

/** The data of a call that must succeed, with a request checked against the contract. */
export async function ok<F extends FunctionName, A extends ActionName<F>>(
  t: TestCloud,
  openid: string,
  fn: F,
  action: A,
  ...[data = {}]: RequestArgs<F, A>
): Promise<ResponseOf<F, A>> {
  const result = await call(t, openid, fn, action, data);
  if (!result.ok) throw new Error(`${fn}.${action} refused: ${result.code} ${result.message}`);
  return result.data;
}

/** Two communities, two units, their staff and unit admins, a county admin. */
export async function seedCounty(t: TestCloud): Promise<void> {
  await insert(
    t.db,
    'communities',
    aCommunity({ _id: 'C01', name: '东街社区', address: '东街 1 号' }),
    aCommunity({ _id: 'C02', name: '西街社区', address: '西街 8 号' }),
  );
  await insert(t.db, 'units', aUnit({ _id: 'U01', name: '县财政局' }), aUnit({ _id: 'U02', name: '县教育局' }));
  await insert(
    t.db,
    'users',
    aUser({ _id: 'staff-C01', name: '李社工', grants: [{ role: 'staff', communityId: 'C01' }] }),
    aUser({ _id: 'admin-U01', name: '王书记', grants: [{ role: 'unitAdmin', unitId: 'U01' }] }),
    aUser({ _id: 'admin-U02', name: '赵书记', grants: [{ role: 'unitAdmin', unitId: 'U02' }] }),
    aUser({ _id: 'county', name: '周部长', grants: [{ role: 'countyAdmin' }] }),
  );
}

/**
 * The hooks of a test file on one seeded county: the cloud started once and seeded (`ready` is given it), closed after,
 * and the functions' clock back on real time after each test.
 */
export function useCountyCloud(ready: (t: TestCloud) => void): void {
  let t: TestCloud;
  beforeAll(async () => {
    t = await startFunctionsCloud();
    await seedCounty(t);
    ready(t);
  });
  afterAll(() => t.close());
  afterEach(() => t.cloud.clock.reset());
}

/** A registration the function accepts (defined once for the tests of every side). */
export const registration = aRegistration;

/** Registers `openid` in `unitId` and has that unit's admin confirm them. */
export async function verifiedMember(t: TestCloud, openid: string, unitId = 'U01'): Promise<void> {
  await ok(t, openid, 'user', 'register', registration({ unitId, name: `党员${openid.slice(-3)}` }));
  await ok(t, `admin-${unitId}`, 'unit', 'verifyMember', { memberId: openid, decision: 'verify' });
}

/** A document as stored (read straight from the database, not through a function), or null. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function storedDoc(t: TestCloud, collection: CollectionName, id: string): Promise<any> {
  const { data } = await t.db
    .collection(collection)
    .doc(id)
    .get()
    .catch(() => ({ data: null }));
  return data ?? null;
}

/** Every document of the collections, for comparing the whole database before and after a refusal. */
export async function snapshot(
  t: TestCloud,
  collections: readonly CollectionName[] = COLLECTION_NAMES,
): Promise<string> {
  const parts: string[] = [];
  for (const name of collections) {
    const { data } = await t.db.collection(name).orderBy('_id', 'asc').limit(1000).get();
    parts.push(`${name}:${JSON.stringify(data)}`);
  }
  return parts.join('\n');
}

/** The audit entries about `targetId`, oldest first. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function auditOf(t: TestCloud, targetId: string): Promise<any[]> {
  const { data } = await t.db.collection('auditLogs').where({ targetId }).orderBy('at', 'asc').limit(1000).get();
  return data;
}
