import { join } from 'node:path';
import type { CollectionName, Collections } from '../../types';
import { REPO_ROOT } from '../src/app';
import { DEMO_PERSONAS } from '../src/demo';
import { okAction, useTestApp } from './helpers';

/**
 * The demo's requests (点单) read through the built functions, as the app shows them: the resident persona's own
 * requests and the one waiting for their rating, C01 staff's lists and escalations, the board's counts equal to the
 * seeded counters and free of contacts, a member taking a published one and only then seeing the contact, and the
 * persona deleting their profile with the board's counts unchanged.
 */
const FUNCTIONS_DIR = process.env.RB_FUNCTIONS_DIR ?? join(REPO_ROOT, 'dist-cloud');
const t = useTestApp({ functionsDir: FUNCTIONS_DIR });
const as = (openid: string) => `rb_session=${t.app.sessionFor(openid)}`;
const RESIDENT = DEMO_PERSONAS.residentWithProfile;
const STAFF = DEMO_PERSONAS.staff;
const MEMBER = DEMO_PERSONAS.memberCheckedIn;

function stored<C extends CollectionName>(collectionName: C, query: object = {}): Array<Collections[C]> {
  return t.app.cloud.db
    .getDocument({ collectionName, query, limit: 1000 })
    .list.map((raw) => JSON.parse(raw) as Collections[C]);
}

test('the persona sees their own requests in their states, and may rate the one done', async () => {
  const mine = await okAction(t.app, as(RESIDENT), 'order', 'listMine', { limit: 50 });
  const own = stored('orders', { residentId: RESIDENT });
  expect(mine.items.map((o) => o.id).sort()).toEqual(own.map((o) => o._id).sort());
  expect(new Set(mine.items.map((o) => o.status))).toEqual(new Set(['submitted', 'taken', 'done']));
  const done = own.find((o) => o.status === 'done')!;
  const { order } = await okAction(t.app, as(RESIDENT), 'order', 'get', { orderId: done._id });
  expect(order.can).toMatchObject({ rate: true, cancel: false });
  expect(order.taker).toEqual({ name: done.takerName, phoneMasked: done.takerPhoneMasked });
  expect(order.doneNote).toBe(done.doneNote);
});

test('C01 staff: two to review, and the untaken and overdue ones on the escalation list', async () => {
  const submitted = await okAction(t.app, as(STAFF), 'order', 'listForStaff', { filter: 'submitted' });
  expect(submitted.items.map((o) => o.id).sort()).toEqual(
    stored('orders', { communityId: 'C01', status: 'submitted' })
      .map((o) => o._id)
      .sort(),
  );
  const escalated = await okAction(t.app, as(STAFF), 'order', 'escalated', {});
  expect(escalated.items.map((e) => e.kind).sort()).toEqual(['overdue', 'untaken']);
  for (const e of escalated.items) expect(e.hours).toBeGreaterThan(0);
});

test('the board: counts as seeded, published requests without contact, done ones listed', async () => {
  const { board } = await okAction(t.app, as(MEMBER), 'board', 'get', { communityId: 'C01' });
  const counters = new Map(stored('counters').map((c) => [c._id, c.value]));
  expect(board!.doneInAll).toBe(counters.get('ordersDone-C01'));
  expect(board!.doneInAll).toBe(stored('orders', { communityId: 'C01', status: 'rated' }).length);
  expect(board!.publishedCount).toBe(stored('orders', { communityId: 'C01', status: 'published' }).length);
  expect(board!.recentlyDone.length).toBeGreaterThan(0);
  const json = JSON.stringify(board);
  for (const contact of stored('orderContacts', { communityId: 'C01' })) {
    expect(json).not.toContain(contact.phone);
    expect(json).not.toContain(contact.address);
  }
});

test('a member takes a published request and then sees its contact; the persona deletes their data and the counts stay', async () => {
  const open = await okAction(t.app, as(MEMBER), 'order', 'listOpen', {});
  const persona = stored('residents', { _id: RESIDENT })[0];
  const published = stored('orders', { communityId: 'C01', status: 'published' });
  expect(open.items.map((o) => o.id).sort()).toEqual(published.map((o) => o._id).sort());
  expect(JSON.stringify(open)).not.toMatch(/139\d{8}/);
  const target = published.find((o) => o.residentId !== null)!;
  const contact = stored('orderContacts', { _id: target._id })[0];
  const { order } = await okAction(t.app, as(MEMBER), 'order', 'take', { orderId: target._id });
  expect(order.contact).toMatchObject({ name: contact.name, phone: contact.phone });

  const before = await okAction(t.app, as(MEMBER), 'board', 'get', { communityId: 'C01' });
  const gone = await okAction(t.app, as(RESIDENT), 'order', 'deleteProfile', { confirm: true });
  expect(gone.cancelled + gone.anonymised).toBeGreaterThan(0);
  expect(stored('residents', { _id: RESIDENT })).toEqual([]);
  expect(stored('orders', { residentId: RESIDENT })).toEqual([]);
  const after = await okAction(t.app, as(MEMBER), 'board', 'get', { communityId: 'C01' });
  expect({ month: after.board!.doneThisMonth, all: after.board!.doneInAll }).toEqual({
    month: before.board!.doneThisMonth,
    all: before.board!.doneInAll,
  });
  expect(JSON.stringify(after)).not.toContain(persona.phone);
});
