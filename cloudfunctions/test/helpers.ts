import { join } from 'node:path';
import type { ActionName, CallResult, FunctionName, RegisterRequest, ResponseOf } from '../../types';
import { startTestCloud, type TestCloud } from 'wx-local-cloud/testing';

const ROOT = join(__dirname, '..', '..');

/** The local cloud running the built function bundles (dist-cloud/) with the real wx-server-sdk. */
export async function startFunctionsCloud(): Promise<TestCloud> {
  return startTestCloud({
    functionsDir: join(ROOT, 'dist-cloud'),
    manifest: join(ROOT, 'cloudfunctions', 'database.json'),
  });
}

/** Invokes a function's action as `openid`, through the runner, exactly as the platform would. */
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

/** The data of a call that must succeed. */
export async function ok<F extends FunctionName, A extends ActionName<F>>(
  t: TestCloud,
  openid: string,
  fn: F,
  action: A,
  data: unknown = {},
): Promise<ResponseOf<F, A>> {
  const result = await call(t, openid, fn, action, data);
  if (!result.ok) throw new Error(`${fn}.${action} refused: ${result.code} ${result.message}`);
  return result.data;
}

export const NOW = Date.now();

/** Two communities, two units, their staff and unit admins, a county admin. */
export async function seedCounty(t: TestCloud): Promise<void> {
  const add = (name: string, data: object) => t.db.collection(name).add({ data });
  const at = { createdAt: NOW };
  await add('communities', {
    _id: 'C01',
    name: '东街社区',
    county: '红旗县',
    street: '城关镇',
    address: '东街 1 号',
    ...at,
  });
  await add('communities', {
    _id: 'C02',
    name: '西街社区',
    county: '红旗县',
    street: '城关镇',
    address: '西街 8 号',
    ...at,
  });
  await add('units', { _id: 'U01', name: '县财政局', county: '红旗县', ...at });
  await add('units', { _id: 'U02', name: '县教育局', county: '红旗县', ...at });
  const user = (id: string, name: string, roles: string[], extra: object = {}) =>
    add('users', { _id: id, name, roles, ...extra, createdAt: NOW, updatedAt: NOW });
  await user('staff-C01', '李社工', ['resident', 'staff'], { staffCommunityId: 'C01' });
  await user('admin-U01', '王书记', ['resident', 'unitAdmin'], { adminUnitId: 'U01' });
  await user('admin-U02', '赵书记', ['resident', 'unitAdmin'], { adminUnitId: 'U02' });
  await user('county', '周部长', ['resident', 'countyAdmin']);
}

export function registration(overrides: Partial<RegisterRequest> = {}): RegisterRequest {
  return {
    name: '张建国',
    phone: '13812341234',
    unitId: 'U01',
    skills: ['电工', '法律咨询'],
    willingness: ['维修', '政策咨询'],
    pledge: '每月为社区做一件实事',
    pledgePublic: true,
    ...overrides,
  };
}

/** Registers `openid` in `unitId` and has that unit's admin confirm them. */
export async function verifiedMember(t: TestCloud, openid: string, unitId = 'U01'): Promise<void> {
  await ok(t, openid, 'user', 'register', registration({ unitId, name: `党员${openid.slice(-3)}` }));
  await ok(t, `admin-${unitId}`, 'unit', 'verifyMember', { memberId: openid, decision: 'verify' });
}

/** A document as stored (read straight from the database, not through a function), or null. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function storedDoc(t: TestCloud, collection: string, id: string): Promise<any> {
  const { data } = await t.db
    .collection(collection)
    .doc(id)
    .get()
    .catch(() => ({ data: null }));
  return data ?? null;
}

/** Every document of the collections, for comparing the whole database before and after a refusal. */
export async function snapshot(t: TestCloud, collections: string[] = ALL_COLLECTIONS): Promise<string> {
  const parts: string[] = [];
  for (const name of collections) {
    const { data } = await t.db.collection(name).orderBy('_id', 'asc').limit(1000).get();
    parts.push(`${name}:${JSON.stringify(data)}`);
  }
  return parts.join('\n');
}

export const ALL_COLLECTIONS = [
  'users',
  'communities',
  'units',
  'members',
  'checkIns',
  'serviceCards',
  'counters',
  'auditLogs',
];

/** The audit entries about `targetId`, oldest first. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function auditOf(t: TestCloud, targetId: string): Promise<any[]> {
  const { data } = await t.db.collection('auditLogs').where({ targetId }).orderBy('at', 'asc').limit(1000).get();
  return data;
}
