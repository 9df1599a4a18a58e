import type { LocalCloud } from 'wx-local-cloud';
import type { CollectionName, Collections, Timestamp } from '../../../types';
import { seedCheckIns } from './check-ins';
import { demoClock } from './clock';
import { DEMO_COLLECTIONS, type DemoData, type DemoPart } from './data';
import { memberHistories } from './history';
import { seedMembers } from './members';
import { seedOrders } from './orders';
import { seedPlaces } from './places';
import { DEMO_PLAN } from './plan';
import { seededRng } from './rng';
import { seedService } from './service';
import { seedServiceCards } from './service-cards';
import { seedUsers } from './users';

/**
 * Demo data for the local app server: one fictional county (红旗县) with its communities, units, staff, unit admins
 * and about two hundred in-service Party members in every state the first flows know (unverified, verified, rejected,
 * checked in, new, transferred from another unit, moved home). Everything is generated from fixed seeds: the people,
 * their units, states and communities are always the same (plan.ts); timestamps are placed relative to the moment of
 * seeding (clock.ts, history.ts) so that "registered in the last 30 days" stays true whenever the demo is started.
 * All names and phone numbers are invented.
 */

export { DEMO_COLLECTIONS, type DemoData } from './data';
export { DEMO_PERSONAS, type DemoPersonas } from './plan';
export { DEMO_COUNTY } from './tables';
export {
  DEMO_IDENTITIES,
  DEMO_ROLE_LABELS,
  type DemoIdentity,
  type DemoRole,
  SIGN_IN_IDENTITIES,
  findDemoIdentity,
  findSignInIdentity,
} from './identities';

const TIME_SEED = 0x71e5_2024;

function merge(parts: readonly DemoPart[]): DemoData {
  const collect = <C extends CollectionName>(name: C): Array<Collections[C]> =>
    parts.flatMap((part) => (part[name] ?? []) as Array<Collections[C]>);
  const data = Object.fromEntries(DEMO_COLLECTIONS.map((name) => [name, collect(name)])) as DemoData;
  data.auditLogs = data.auditLogs
    .sort((a, b) => a.at - b.at || a.targetId.localeCompare(b.targetId))
    .map(({ _id: _none, ...entry }, i) => ({ _id: `demo-audit-${String(i + 1).padStart(4, '0')}`, ...entry }));
  return data;
}

/**
 * Every demo document, with timestamps placed relative to `now` (ms). The same `now` gives the same documents; any
 * `now` gives the same people, units, states and communities.
 */
export function buildDemoData(now: Timestamp = Date.now()): DemoData {
  const plan = DEMO_PLAN;
  // One sequence of random numbers places everything in time, drawn in this order: grants, then members' histories.
  const rng = seededRng(TIME_SEED);
  const clock = demoClock(now, rng);
  const places = seedPlaces(clock);
  const users = seedUsers(plan, clock, rng);
  const histories = memberHistories(plan, clock, rng);
  return merge([
    places,
    users,
    seedMembers(plan, histories),
    seedCheckIns(histories),
    seedServiceCards(histories),
    seedService(plan, histories, clock),
    seedOrders(plan, histories, clock),
  ]);
}

export interface SeedResult {
  /** False when the database already had communities (nothing was written). */
  seeded: boolean;
  /** Documents per collection after seeding. */
  counts: Record<CollectionName, number>;
}

type SeedTarget = Pick<LocalCloud, 'db'>;

function countAll(cloud: SeedTarget): Record<CollectionName, number> {
  const counts = {} as Record<CollectionName, number>;
  for (const name of DEMO_COLLECTIONS) {
    counts[name] = cloud.db.calculateDocument({ collectionName: name, query: {} }).total;
  }
  return counts;
}

/**
 * Loads the demo data into an empty database: only when `communities` is empty, all in one SQLite transaction (a
 * crash halfway leaves nothing behind). The collections must exist (the manifest creates them).
 */
export function seedDemoData(cloud: SeedTarget, options: { now?: Timestamp } = {}): SeedResult {
  if (cloud.db.calculateDocument({ collectionName: 'communities', query: {} }).total > 0) {
    return { seeded: false, counts: countAll(cloud) };
  }
  const data = buildDemoData(options.now ?? Date.now());
  cloud.db.store.atomically(() => {
    for (const name of DEMO_COLLECTIONS) {
      const docs: object[] = data[name];
      if (docs.length === 0) continue;
      cloud.db.insertDocument({ collectionName: name, data: docs.map((doc) => JSON.stringify(doc)) });
    }
  });
  return { seeded: true, counts: countAll(cloud) };
}
