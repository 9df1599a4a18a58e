import { aMemberProfile } from '../../domain/testing';
import type { CheckInState } from '../../types';
import { checkInOffer } from './check-in-offer';
import { standingOf } from './member-standing';

/** The check-in page offers 报到 only to someone the function would let check in. */
const member = aMemberProfile({ skills: [], decidedAt: 1_700_000_000_000 });
const none: CheckInState = { state: 'none' };
const elsewhere: CheckInState = {
  state: 'elsewhere',
  community: { id: 'C03', name: '城关镇南门社区', street: '城关镇' },
  checkedInAt: 1,
};

test.each([
  ['a confirmed member', member, none, 'checkIn'],
  ['a confirmed member checked in elsewhere', member, elsewhere, 'transfer'],
  ['a member waiting for confirmation', { ...member, status: 'unverified' as const }, none, 'wait'],
  ['a member the unit refused', { ...member, status: 'rejected' as const }, none, 'wait'],
  ['a refused member checked in elsewhere', { ...member, status: 'rejected' as const }, elsewhere, 'wait'],
  [
    'a member who changed their name',
    { ...member, status: 'unverified' as const, needsReconfirmation: true },
    elsewhere,
    'wait',
  ],
  ['someone not registered', null, { state: 'notMember' } as CheckInState, 'register'],
  ['someone who deleted their data', { ...member, status: 'deleted' as const }, none, 'register'],
])('%s', (_label, profile, here, kind) => {
  expect(checkInOffer(here, standingOf(profile)).kind).toBe(kind);
});

test('a member already checked in here sees it done, even while a change waits for confirmation', () => {
  const here: CheckInState = { state: 'here', checkedInAt: 1, serviceCardNo: '2025-0001' };
  const changed = { ...member, status: 'unverified' as const, needsReconfirmation: true };
  expect(checkInOffer(here, standingOf(changed))).toEqual({ kind: 'done', checkedInAt: 1, serviceCardNo: '2025-0001' });
});

test('a refused member is told who decided and when', () => {
  expect(standingOf({ ...member, status: 'rejected' })).toEqual({
    kind: 'rejected',
    unitName: '县委办公室',
    decidedAt: 1_700_000_000_000,
    decidedByName: '李书记',
  });
});
