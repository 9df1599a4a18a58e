import type { TestCloud } from 'wx-local-cloud/testing';
import { ORDER_LIMITS } from '../../../types/limits';
import { ok, useCountyCloud } from '../helpers';
import { HOUR, aPublishedOrder, anOrder, insertOrders } from './setup';

let t: TestCloud;
useCountyCloud((cloud) => (t = cloud));

describe('community.staffHome: residents’ requests', () => {
  test('counts the community’s requests waiting for review and those escalated (48 h untaken, taken past wanted)', async () => {
    const now = t.cloud.clock.now();
    const untaken = ORDER_LIMITS.untakenHours * HOUR;
    await insertOrders(t, [
      anOrder({ _id: 'h-sub-1' }),
      anOrder({ _id: 'h-sub-2' }),
      anOrder({ _id: 'h-sub-elsewhere', communityId: 'C02' }),
      aPublishedOrder({ _id: 'h-pub-old' }, now - untaken - HOUR),
      aPublishedOrder({ _id: 'h-pub-new' }, now - HOUR),
      aPublishedOrder({ _id: 'h-pub-old-elsewhere', communityId: 'C02' }, now - untaken - HOUR),
      anOrder({ _id: 'h-late', status: 'taken', takerId: 'm', takenAt: now - 3 * HOUR, wantedBy: now - HOUR }),
      anOrder({ _id: 'h-on-time', status: 'taken', takerId: 'm', takenAt: now - HOUR, wantedBy: now + 5 * HOUR }),
      anOrder({ _id: 'h-done-late', status: 'done', takerId: 'm', wantedBy: now - HOUR }),
      anOrder({ _id: 'h-cancelled', status: 'cancelled' }),
    ]);
    const home = await ok(t, 'staff-C01', 'community', 'staffHome');
    expect({ review: home.ordersToReview, escalated: home.ordersEscalated }).toEqual({ review: 2, escalated: 2 });

    // Six hours on: the newer publication is still under 48 h, the on-time one is now late.
    t.cloud.clock.advance(6 * HOUR);
    const later = await ok(t, 'staff-C01', 'community', 'staffHome');
    expect(later.ordersEscalated).toBe(3);
    t.cloud.clock.advance(untaken);
    expect((await ok(t, 'staff-C01', 'community', 'staffHome')).ordersEscalated).toBe(4);
  });
});
