import { join } from 'node:path';
import type { CollectionName, Collections } from '../../types';
import { REPO_ROOT } from '../src/app';
import { DEMO_PERSONAS } from '../src/demo';
import { okAction, useTestApp } from './helpers';

/**
 * The demo's trusted hours read through the built functions, as the app shows them: the seeded ledgers verify, the
 * 活动证 adds up from the tallies to what the records say, the staff queue and the county's overdue list have their
 * waits, and a confirmation made on top of the demo chains onto its ledger and keeps it verified.
 */
const FUNCTIONS_DIR = process.env.RB_FUNCTIONS_DIR ?? join(REPO_ROOT, 'dist-cloud');
const t = useTestApp({ functionsDir: FUNCTIONS_DIR });
const as = (openid: string) => `rb_session=${t.app.sessionFor(openid)}`;
const HOUR = 3_600_000;

function stored<C extends CollectionName>(collectionName: C, query: object = {}): Array<Collections[C]> {
  return t.app.cloud.db
    .getDocument({ collectionName, query, limit: 1000 })
    .list.map((raw) => JSON.parse(raw) as Collections[C]);
}

test('every seeded ledger verifies through record.verifyLedger', async () => {
  const { communities } = await okAction(t.app, as(DEMO_PERSONAS.countyAdmin), 'record', 'verifyLedger', {});
  expect(communities).toHaveLength(6);
  for (const check of communities) {
    expect(check).toMatchObject({ ok: true, problems: [] });
    expect(check.entries).toBe(stored('ledgerEntries', { communityId: check.community.id }).length);
    expect(check.entries).toBeGreaterThan(0);
  }
});

test('the featured member’s 活动证 shows their claimed posts, stamped lines and the totals of their confirmed records', async () => {
  const me = DEMO_PERSONAS.memberCheckedIn;
  const card = await okAction(t.app, as(me), 'card', 'get', {});
  const mine = stored('serviceRecords', { memberId: me });
  const confirmed = mine.filter((r) => r.status === 'confirmed');
  expect(card.minutesInAll).toBe(confirmed.reduce((sum, r) => sum + r.creditMinutes, 0));
  expect(card.minutesInAll).toBeGreaterThan(0);
  expect(card.pendingCount).toBe(mine.filter((r) => r.status === 'pending').length);
  expect(card.rejectedCount).toBe(mine.filter((r) => r.status === 'rejected').length);
  expect(card.posts.length).toBeGreaterThanOrEqual(1);
  expect(card.lines.items.map((line) => line.recordId).sort()).toEqual(confirmed.map((r) => r._id).sort());
});

test('C01’s staff see a queue with highlighted waits; the county admin sees the one over 96 h', async () => {
  const queue = await okAction(t.app, as(DEMO_PERSONAS.staff), 'record', 'queue', {});
  expect(queue.pendingCount).toBeGreaterThanOrEqual(3);
  expect(queue.highlightCount).toBeGreaterThanOrEqual(1);
  expect(queue.items.some((item) => item.waitingHours > 96)).toBe(true);
  const overdue = await okAction(t.app, as(DEMO_PERSONAS.countyAdmin), 'record', 'overdue', {});
  expect(overdue.items.some((item) => item.community.id === 'C01')).toBe(true);
});

test('a member of C01 sees the current activity; the post list shows its claims', async () => {
  const me = DEMO_PERSONAS.memberCheckedIn;
  const { activities } = await okAction(t.app, as(me), 'activity', 'list', {});
  const now = Date.now();
  expect(activities.some((a) => a.startsAt <= now && a.endsAt > now)).toBe(true);
  const list = await okAction(t.app, as(me), 'post', 'list', {});
  expect(JSON.stringify(list)).toContain('demo-post-C01-1');
});

test('a confirmation on top of the demo chains onto C01’s ledger and adds to the member’s totals', async () => {
  const pending = stored('serviceRecords', { communityId: 'C01', status: 'pending' })
    .filter((r) => r.source === 'selfReported')
    .sort((a, b) => a.createdAt - b.createdAt)[0];
  const before = await okAction(t.app, as(pending.memberId), 'card', 'get', {});
  const head = stored('ledgerHeads', { _id: 'C01' })[0];
  const { confirmed } = await okAction(t.app, as(DEMO_PERSONAS.staff), 'record', 'confirm', {
    recordIds: [pending._id],
  });
  expect(confirmed).toBe(1);
  expect(stored('ledgerHeads', { _id: 'C01' })[0].seq).toBe(head.seq + 1);
  const after = await okAction(t.app, as(pending.memberId), 'card', 'get', {});
  expect(after.minutesInAll).toBe(before.minutesInAll + pending.creditMinutes);
  const { communities } = await okAction(t.app, as(DEMO_PERSONAS.countyAdmin), 'record', 'verifyLedger', {
    communityId: 'C01',
  });
  expect(communities[0]).toMatchObject({ ok: true, entries: head.seq + 1 });
  expect(Date.now() - pending.createdAt).toBeGreaterThan(48 * HOUR);
});
