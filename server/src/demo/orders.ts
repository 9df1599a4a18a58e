import type {
  AuditLogDoc,
  CounterDoc,
  OrderContactDoc,
  OrderDoc,
  OrderKind,
  OrderRating,
  OrderStatus,
  ResidentDoc,
  ServiceRecordDoc,
  SubscriptionDoc,
  Timestamp,
} from '../../../types';
import { doneCounterIds } from '../../../cloudfunctions/_shared/order-counts';
import { newOrderDoc } from '../../../domain/orders';
import { startOfChinaDay } from '../../../domain/periods';
import { maskPhone } from '../../../domain/privacy';
import { type DemoClock, MINUTE } from './clock';
import type { DemoPart } from './data';
import type { MemberHistory } from './history';
import { COMPOUNDS, type Plan, type PlannedRequester } from './plan';
import { COMMUNITIES, unitId } from './tables';

/**
 * Residents' requests (点单) in the demo: residents with profiles, and requests in every state as the order function
 * leaves them — submitted, published (one untaken over 48 h, so escalated; one posted by staff for a resident without
 * a smartphone), taken (one past its wanted time, one given back once before), done (its service record waits for the
 * rating), rated (its record waits in the stamp queue: pending, so the ledger and tallies stay as they are; one by a
 * resident who since deleted their data, kept anonymised with no contact), rejected, merged and cancelled — with the
 * contacts of requests whose resident still has a profile (or whom staff posted for), the done counters the ratings
 * moved, the staff's decisions logged, and a few subscribe-message grants. Photos are left out (a seeded database has
 * no files in storage).
 */

const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** One request of the demo, in words and relative times (days and hours before the moment of seeding). */
interface Planned {
  status: OrderStatus;
  kind: OrderKind;
  text: string;
  /** Index into the community's requesters; null when staff posted it or the resident deleted their data. */
  requester: number | null;
  /** Hours before now it was posted. */
  postedHoursAgo: number;
  /** Wanted by: China-time days from today (negative: past) at this hour. */
  wanted: [days: number, hour: number];
  /** Staff posted it for a resident without a smartphone (name, phone, door). */
  onBehalf?: { name: string; phone: string; compound: string; door: string };
  /** The resident deleted their data afterwards (finished requests only). */
  anonymised?: boolean;
  rejectReason?: string;
  /** The index (in this community's list) of the request this one duplicated. */
  mergedInto?: number;
  /** A member gave it back once before it was taken again. */
  released?: string;
  /** Days ago the member served (19:00–20:00 China time) for done and rated ones. */
  servedDaysAgo?: number;
  doneNote?: string;
  stars?: number;
  comment?: string;
}

// prettier-ignore
const C01_ORDERS: Planned[] = [
  { status: 'submitted', kind: '维修', text: '厨房水龙头一直滴水，想请人帮忙换个阀芯。', requester: 0, postedHoursAgo: 3, wanted: [3, 10] },
  { status: 'submitted', kind: '技术培训', text: '想学用手机挂号和跟孩子视频通话，孩子不在身边。', requester: 1, postedHoursAgo: 20, wanted: [5, 15] },
  { status: 'published', kind: '生活帮扶', text: '腿脚不方便，想请人帮忙从超市带一袋米和一桶油上楼。', requester: 2, postedHoursAgo: 8, wanted: [2, 17] },
  { status: 'published', kind: '政策咨询', text: '想了解今年城乡居民医保怎么缴费，能不能上门给讲一讲。', requester: 3, postedHoursAgo: 70, wanted: [4, 10] },
  {
    status: 'published', kind: '民事代办', text: '帮老人去社区卫生服务中心取一下体检报告，再送到家里。', requester: null, postedHoursAgo: 26, wanted: [3, 16],
    onBehalf: { name: '刘奶奶', phone: '13907310088', compound: '粮食局家属院', door: '6号楼1单元201室' },
  },
  { status: 'taken', kind: '民事代办', text: '帮忙到县医院打印一下住院费用清单，报销要用。', requester: 0, postedHoursAgo: 30, wanted: [1, 11], released: '临时要出差，怕耽误您的事，先交回社区。' },
  { status: 'taken', kind: '维修', text: '楼道里的声控灯坏了，晚上上楼看不清，想请人换一下。', requester: 4, postedHoursAgo: 100, wanted: [-1, 18] },
  { status: 'done', kind: '维修', text: '卫生间的灯不亮了，麻烦帮忙看看是灯泡还是开关的问题。', requester: 0, postedHoursAgo: 76, wanted: [1, 18], servedDaysAgo: 1, doneNote: '换了一个新的灯泡，顺便把松动的开关面板拧紧了。' },
  { status: 'rated', kind: '技术培训', text: '想学会在手机上交电费和水费。', requester: 1, postedHoursAgo: 8 * 24, wanted: [-4, 18], servedDaysAgo: 5, doneNote: '上门教会了老人用手机交水电费，写了步骤贴在墙上。', stars: 5, comment: '小伙子很耐心，教了好几遍，谢谢！' },
  { status: 'rated', kind: '生活帮扶', text: '家里的旧衣物想捐出去，请人帮忙搬到社区捐赠点。', requester: 2, postedHoursAgo: 13 * 24, wanted: [-9, 18], servedDaysAgo: 10, doneNote: '把三袋旧衣物搬到了社区捐赠点，登记了捐赠。', stars: 4, comment: '很及时，辛苦了。' },
  { status: 'rated', kind: '维修', text: '阳台晾衣架的绳子断了，想请人帮忙换根新的。', requester: null, anonymised: true, postedHoursAgo: 9 * 24, wanted: [-6, 18], servedDaysAgo: 7, doneNote: '换了新的晾衣绳，检查了滑轮。', stars: 5, comment: '修得很好。' },
  { status: 'rejected', kind: '法律咨询', text: '想请社区找人帮忙代写家里老人的遗嘱。', requester: 3, postedHoursAgo: 50, wanted: [6, 10], rejectReason: '遗嘱涉及法律效力，请您到县公证处咨询办理，社区可以陪同前往。' },
  { status: 'merged', kind: '维修', text: '5号楼楼道声控灯不亮，晚上太黑了。', requester: 5, postedHoursAgo: 98, wanted: [-1, 20], mergedInto: 6 },
  { status: 'cancelled', kind: '文化娱乐', text: '想找人教跳广场舞，想跟上大家的节奏。', requester: 1, postedHoursAgo: 6 * 24, wanted: [2, 19] },
];

/** In each other community: one published request and one rated, so every board has both. */
function otherOrders(ci: number): Planned[] {
  const published: Planned[] = [
    {
      status: 'published',
      kind: '生活帮扶',
      text: '家里米面吃完了，想请人帮忙代买一些送上楼。',
      requester: 0,
      postedHoursAgo: 10,
      wanted: [2, 17],
    },
    {
      status: 'published',
      kind: '医疗卫生',
      text: '想请懂医的党员帮老伴量量血压，讲讲降压药怎么吃。',
      requester: 0,
      postedHoursAgo: 12,
      wanted: [3, 10],
    },
    {
      status: 'published',
      kind: '技术培训',
      text: '想学用微信给外地的孙子发语音和照片。',
      requester: 0,
      postedHoursAgo: 20,
      wanted: [4, 15],
    },
    {
      status: 'published',
      kind: '市场信息',
      text: '想了解附近哪里能买到便宜实惠的冬季蔬菜。',
      requester: 0,
      postedHoursAgo: 5,
      wanted: [2, 11],
    },
    {
      status: 'published',
      kind: '心理疏导',
      text: '老伴走后一个人在家心里空，想找人说说话。',
      requester: 0,
      postedHoursAgo: 15,
      wanted: [3, 15],
    },
  ];
  const rated: Planned = {
    status: 'rated',
    kind: '维修',
    text: '电视机没有信号了，想请人帮忙看看机顶盒。',
    requester: 0,
    postedHoursAgo: (6 + ci) * 24,
    wanted: [-(3 + ci), 18],
    servedDaysAgo: 4 + ci,
    doneNote: '重新插好了机顶盒的线，调好了频道。',
    stars: 5,
    comment: '谢谢党员同志！',
  };
  return [published[ci - 1], rated];
}

const orderId = (communityId: string, n: number) => `demo-order-${communityId}-${String(n + 1).padStart(2, '0')}`;
/** The door written out, as the contact keeps it. */
const doorOf = (r: Pick<PlannedRequester, 'building' | 'unit' | 'room'>) => `${r.building}${r.unit}${r.room}`;

export function seedOrders(plan: Plan, histories: readonly MemberHistory[], clock: DemoClock): DemoPart {
  const { now } = clock;
  const today = startOfChinaDay(now);
  const orders: OrderDoc[] = [];
  const orderContacts: OrderContactDoc[] = [];
  const serviceRecords: ServiceRecordDoc[] = [];
  const auditLogs: AuditLogDoc[] = [];
  const counters = new Map<string, number>();

  const residents: ResidentDoc[] = plan.requesters.map((r, i) => {
    const createdAt = clock.at(40 + i, 9, 0);
    return {
      _id: r.id,
      name: r.name,
      phone: r.phone,
      communityId: COMMUNITIES[r.communityIndex]._id,
      compound: r.compound,
      building: r.building,
      unit: r.unit,
      room: r.room,
      createdAt,
      updatedAt: createdAt,
    };
  });

  COMMUNITIES.forEach((community, ci) => {
    const communityId = community._id;
    const staffPlan = plan.staff.find((s) => s.communityIndex === ci)!;
    const staff = { id: staffPlan.id, name: staffPlan.name };
    const requesters = plan.requesters.filter((r) => r.communityIndex === ci);
    // Takers: members checked in here for over 40 days, from the end of the line (the first ones claim posts and
    // attend activities in service.ts); never the featured members, who are left free for the demo.
    const featured = new Set([plan.personas.memberCheckedIn, plan.personas.memberMovedHome]);
    const takers = histories
      .filter((h) => h.stays.at(-1)?.communityId === communityId && !featured.has(h.member.id))
      .filter((h) => now - h.stays.at(-1)!.checkedInAt > 40 * DAY)
      .sort(
        (a, b) => b.stays.at(-1)!.checkedInAt - a.stays.at(-1)!.checkedInAt || a.member.id.localeCompare(b.member.id),
      );
    let nextTaker = 0;
    const planned = ci === 0 ? C01_ORDERS : otherOrders(ci);

    planned.forEach((p, n) => {
      const id = orderId(communityId, n);
      const requester = p.requester === null ? null : requesters[p.requester];
      const createdAt = now - p.postedHoursAgo * HOUR;
      const compound = requester?.compound ?? p.onBehalf?.compound ?? COMPOUNDS[ci][0];
      const order = newOrderDoc({
        _id: id,
        communityId,
        kind: p.kind,
        text: p.text,
        wantedBy: today + p.wanted[0] * DAY + p.wanted[1] * HOUR,
        photos: [],
        compound,
        residentId: requester && !p.anonymised ? requester.id : null,
        onBehalf: p.onBehalf ? { staffId: staff.id, staffName: staff.name } : null,
        status: p.status,
        createdAt,
      });
      const log = (action: AuditLogDoc['action'], at: Timestamp, detail: AuditLogDoc['detail']) =>
        auditLogs.push({ action, actorId: staff.id, targetId: id, at, detail });
      const review = (at: Timestamp) => {
        order.reviewedBy = staff.id;
        order.reviewedByName = staff.name;
        order.updatedAt = at;
      };

      if (p.onBehalf) {
        order.publishedAt = createdAt;
        review(createdAt);
        log('order.postOnBehalf', createdAt, { communityId });
      } else if (p.status === 'rejected') {
        review(createdAt + 2 * HOUR);
        order.rejectReason = p.rejectReason!;
        log('order.reject', order.updatedAt, { communityId, reason: p.rejectReason! });
      } else if (p.status === 'merged') {
        review(createdAt + 2 * HOUR);
        order.mergedInto = orderId(communityId, p.mergedInto!);
        log('order.merge', order.updatedAt, { communityId, intoId: order.mergedInto });
      } else if (p.status === 'cancelled') {
        order.cancelledAt = createdAt + 5 * HOUR;
        order.updatedAt = order.cancelledAt;
      } else if (p.status !== 'submitted') {
        // Published two hours after it was posted (within the hour for the escalated one, so its 48 h have passed).
        const publishedAt = createdAt + (p.postedHoursAgo > 48 ? 1 : 2) * HOUR;
        order.publishedAt = publishedAt;
        review(publishedAt);
        log('order.publish', publishedAt, { communityId });
      }

      if (p.status === 'taken' || p.status === 'done' || p.status === 'rated') {
        const taker = takers[nextTaker++ % takers.length].member;
        const servedAt = p.servedDaysAgo === undefined ? null : today - p.servedDaysAgo * DAY + 19 * HOUR;
        const takenAt = Math.min(order.publishedAt! + 3 * HOUR, servedAt ?? now, now - HOUR);
        if (p.released) {
          const other = takers[nextTaker++ % takers.length].member;
          order.releases = [
            { memberId: other.id, memberName: other.name, reason: p.released, at: order.publishedAt! + 2 * HOUR },
          ];
          order.publishedAt = order.publishedAt! + 2 * HOUR;
        }
        Object.assign(order, {
          takerId: taker.id,
          takerName: taker.name,
          takerPhoneMasked: maskPhone(taker.phone),
          takenAt: Math.max(takenAt, order.publishedAt! + HOUR),
          updatedAt: Math.max(takenAt, order.publishedAt! + HOUR),
        });
        if (servedAt !== null) {
          const doneAt = servedAt + HOUR + 20 * MINUTE;
          const recordId = `demo-rec-order-${id}`;
          Object.assign(order, {
            doneAt,
            doneNote: p.doneNote!,
            serviceStartAt: servedAt,
            serviceEndAt: servedAt + HOUR,
            recordId,
            updatedAt: doneAt,
          });
          const record: ServiceRecordDoc = {
            _id: recordId,
            communityId,
            memberId: taker.id,
            unitId: unitId(taker.unitIndex),
            source: 'order',
            postId: null,
            activityId: null,
            orderId: id,
            rating: null,
            description: p.doneNote!,
            startAt: servedAt,
            endAt: servedAt + HOUR,
            minutes: 60,
            creditMinutes: 60,
            photos: [],
            attendance: null,
            recordedBy: taker.id,
            recordedByName: taker.name,
            byStaff: false,
            correctsId: null,
            status: 'awaitingRating',
            pendingSince: doneAt,
            createdAt: doneAt,
            updatedAt: doneAt,
          };
          if (p.status === 'rated') {
            const ratedAt = Math.min(doneAt + 18 * HOUR, now - HOUR);
            const rating: OrderRating = {
              stars: p.stars!,
              comment: p.comment!,
              by: 'resident',
              byName: p.anonymised || !requester ? '居民' : requester.name,
              at: ratedAt,
            };
            Object.assign(order, { rating, updatedAt: ratedAt });
            Object.assign(record, { rating, status: 'pending', pendingSince: ratedAt, updatedAt: ratedAt });
            const ids = doneCounterIds(communityId, ratedAt);
            for (const counter of [ids.month, ids.all]) counters.set(counter, (counters.get(counter) ?? 0) + 1);
          }
          serviceRecords.push(record);
        }
      }

      orders.push(order);
      if (requester && !p.anonymised) {
        orderContacts.push({
          _id: id,
          communityId,
          name: requester.name,
          phone: requester.phone,
          address: doorOf(requester),
        });
      } else if (p.onBehalf) {
        orderContacts.push({
          _id: id,
          communityId,
          name: p.onBehalf.name,
          phone: p.onBehalf.phone,
          address: p.onBehalf.door,
        });
      }
    });
  });

  // The persona subscribed to hear when their requests are taken and done; C01's staff to the daily digest.
  const persona = plan.personas.residentWithProfile;
  const subscriptions: SubscriptionDoc[] = [
    { _id: `${persona}_orderTaken`, openid: persona, key: 'orderTaken', count: 2, updatedAt: now - 3 * HOUR },
    { _id: `${persona}_orderDone`, openid: persona, key: 'orderDone', count: 1, updatedAt: now - 3 * HOUR },
    {
      _id: `${plan.personas.staff}_dailyDigest`,
      openid: plan.personas.staff,
      key: 'dailyDigest',
      count: 5,
      updatedAt: now - 2 * DAY,
    },
  ];

  const doneCounters: CounterDoc[] = [...counters.entries()]
    .map(([_id, value]) => ({ _id, value }))
    .sort((a, b) => a._id.localeCompare(b._id));
  return { residents, orders, orderContacts, subscriptions, serviceRecords, counters: doneCounters, auditLogs };
}
