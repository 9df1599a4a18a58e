import {
  POST_KINDS,
  type ActivityDoc,
  type ActivitySecretDoc,
  type ActivitySignUpDoc,
  type AuditLogDoc,
  type LedgerEntryDoc,
  type LedgerHeadDoc,
  type LocationCheck,
  type PostClaimDoc,
  type PostDoc,
  type ServiceRecordDoc,
  type TallyDoc,
  type Timestamp,
} from '../../../types';
import { attendanceMinutes, attendanceRecordId } from '../../../domain/attendance';
import { GENESIS_HASH, entryHash, ledgerEntryId, recordHash } from '../../../domain/ledger';
import { endOfChinaDay, startOfChinaDay } from '../../../domain/periods';
import { creditOf, keysOf, tallyDocId } from '../../../domain/tallies';
import { type DemoClock, MINUTE } from './clock';
import type { DemoPart } from './data';
import type { MemberHistory } from './history';
import type { Plan } from './plan';
import { type Rng, int, seededRng } from './rng';
import { ACTIVITY_TITLES, POST_TEXTS, REJECT_REASONS } from './service-tables';
import { COMMUNITIES, unitId } from './tables';

/**
 * Trusted hours in the demo: every community's posts with their claims, a past, a current (now ± 1 h) and an upcoming
 * activity with their secrets and sign-ups, attendance at the past one, self-reported service, and the stamp queue —
 * confirmed records chained onto each community's ledger with the tallies their confirmations added, exactly as
 * record.confirm writes them (cloudfunctions/_shared/ledger.ts, tallies.ts: a sharded total on shard 0), pending ones
 * (one waiting over 48 h and one over 96 h in C01) and a rejected one. Self-reported records carry no photos: a photo
 * is a file in storage owned by its member, which a seeded database does not have.
 */

const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const SERVICE_SEED = 0x5e2_71ce;
/** Posts each community publishes: 6 × 4 covers the whole catalogue of 24 kinds. */
const POSTS_PER_COMMUNITY = 4;
const CAPACITIES = [6, 8, 5, 10];

export interface DemoStaff {
  id: string;
  name: string;
}

const postId = (communityId: string, n: number) => `demo-post-${communityId}-${n + 1}`;
const activityId = (communityId: string, which: keyof typeof ACTIVITY_TITLES) => `demo-act-${communityId}-${which}`;

/** 64 hex digits from the demo's own random numbers (the same every time for the same seed). */
function secretHex(rng: Rng): string {
  return Array.from({ length: 32 }, () => int(rng, 0, 255).toString(16).padStart(2, '0')).join('');
}

interface Resident {
  history: MemberHistory;
  checkedInAt: Timestamp;
}

/** The members living in a community now, checked in for at least `minDays`, oldest check-in first. */
function residentsOf(histories: readonly MemberHistory[], communityId: string, now: Timestamp): Resident[] {
  return histories
    .filter((h) => h.stays.at(-1)?.communityId === communityId)
    .map((h) => ({ history: h, checkedInAt: h.stays.at(-1)!.checkedInAt }))
    .filter((r) => now - r.checkedInAt > 40 * DAY)
    .sort((a, b) => a.checkedInAt - b.checkedInAt || a.history.member.id.localeCompare(b.history.member.id));
}

export function seedService(plan: Plan, histories: readonly MemberHistory[], clock: DemoClock): DemoPart {
  const rng = seededRng(SERVICE_SEED);
  const { now } = clock;
  const posts: PostDoc[] = [];
  const postClaims: PostClaimDoc[] = [];
  const activities: ActivityDoc[] = [];
  const activitySecrets: ActivitySecretDoc[] = [];
  const activitySignUps: ActivitySignUpDoc[] = [];
  const records: ServiceRecordDoc[] = [];
  const auditLogs: AuditLogDoc[] = [];

  COMMUNITIES.forEach((community, ci) => {
    const communityId = community._id;
    const staffPlan = plan.staff.find((s) => s.communityIndex === ci)!;
    const staff: DemoStaff = { id: staffPlan.id, name: staffPlan.name };
    let residents = residentsOf(histories, communityId, now);
    // The demo's featured member of C01 takes part in everything: first in line.
    const featured = residents.find((r) => r.history.member.id === plan.personas.memberCheckedIn);
    if (featured) residents = [featured, ...residents.filter((r) => r !== featured)];
    const unitOf = (r: Resident) => unitId(r.history.member.unitIndex);

    // Posts, published about two months ago; the last one of C06 is closed.
    const communityPosts: PostDoc[] = [];
    for (let n = 0; n < POSTS_PER_COMMUNITY; n++) {
      const kind = POST_KINDS[ci * POSTS_PER_COMMUNITY + n];
      const createdAt = clock.at(60 - n, 9, 10 * n);
      const closed = ci === COMMUNITIES.length - 1 && n === POSTS_PER_COMMUNITY - 1;
      const post: PostDoc = {
        _id: postId(communityId, n),
        communityId,
        kind,
        duty: POST_TEXTS[kind].duty,
        forWhom: POST_TEXTS[kind].forWhom,
        capacity: CAPACITIES[n],
        until: endOfChinaDay(closed ? now - 5 * DAY : now + (120 + 30 * n) * DAY),
        status: closed ? 'closed' : 'open',
        claimCount: 0,
        createdBy: staff.id,
        createdAt,
        updatedAt: createdAt,
      };
      if (closed) {
        post.closedAt = clock.at(5, 18, 0);
        post.updatedAt = post.closedAt;
      }
      communityPosts.push(post);
    }
    posts.push(...communityPosts);
    const openPosts = communityPosts.filter((p) => p.status === 'open');

    // Claims: each of the first residents holds one or two open posts while places last; one left a post again.
    const claimsOf = new Map<string, PostDoc[]>();
    const claimers = residents.slice(0, 8);
    claimers.forEach((r, k) => {
      const wanted = k === 0 ? openPosts.slice(0, 2) : [openPosts[k % openPosts.length]];
      for (const post of wanted) {
        if (post.claimCount >= post.capacity) continue;
        const claimedAt = Math.max(post.createdAt, r.checkedInAt) + int(rng, 1, 3) * DAY + int(rng, 1, 9) * HOUR;
        const left = k === claimers.length - 1;
        const claim: PostClaimDoc = {
          _id: `${post._id}_${r.history.member.id}`,
          postId: post._id,
          communityId,
          memberId: r.history.member.id,
          unitId: unitOf(r),
          status: left ? 'left' : 'active',
          claimedAt,
        };
        if (left) claim.leftAt = claimedAt + 7 * DAY;
        else {
          post.claimCount += 1;
          claimsOf.set(r.history.member.id, [...(claimsOf.get(r.history.member.id) ?? []), post]);
        }
        postClaims.push(claim);
      }
    });

    // Activities: three days ago 09:00–11:30, now ± 1 h, tomorrow 09:00–11:00.
    const today = startOfChinaDay(now);
    const nowMinute = Math.floor(now / MINUTE) * MINUTE;
    const windows = {
      past: {
        startsAt: today - 3 * DAY + 9 * HOUR,
        endsAt: today - 3 * DAY + 11.5 * HOUR,
        createdAt: clock.at(10, 16, 0),
      },
      current: { startsAt: nowMinute - HOUR, endsAt: nowMinute + HOUR, createdAt: nowMinute - 2 * DAY },
      upcoming: { startsAt: today + DAY + 9 * HOUR, endsAt: today + DAY + 11 * HOUR, createdAt: nowMinute - DAY },
    };
    const geo = { latitude: 34.75 + ci * 0.004, longitude: 113.62 + ci * 0.004, radiusMeters: 300 };
    const activityOf = {} as Record<keyof typeof windows, ActivityDoc>;
    for (const which of ['past', 'current', 'upcoming'] as const) {
      const window = windows[which];
      const activity: ActivityDoc = {
        _id: activityId(communityId, which),
        communityId,
        title: ACTIVITY_TITLES[which][ci],
        place: `${community.name}党群服务中心`,
        startsAt: window.startsAt,
        endsAt: window.endsAt,
        geo: which === 'upcoming' ? null : geo,
        capacity: 30,
        postId: which === 'past' ? openPosts[0]._id : null,
        codeSeconds: 10,
        signUpCount: 0,
        status: 'scheduled',
        createdBy: staff.id,
        createdAt: window.createdAt,
        updatedAt: window.createdAt,
      };
      activityOf[which] = activity;
      activities.push(activity);
      activitySecrets.push({ _id: activity._id, secret: secretHex(rng) });
      // Sign-ups: the first residents, a day after the activity was published (never after it began).
      const signers = residents.slice(0, which === 'past' ? 6 : 4);
      for (const [k, r] of signers.entries()) {
        const at = Math.min(activity.createdAt + HOUR + k * 7 * MINUTE, activity.startsAt - MINUTE, now - MINUTE);
        activitySignUps.push({
          _id: `${activity._id}_${r.history.member.id}`,
          activityId: activity._id,
          communityId,
          memberId: r.history.member.id,
          at,
        });
        activity.signUpCount += 1;
      }
    }

    const memberRecord = (
      r: Resident,
      fields: Pick<ServiceRecordDoc, '_id' | 'source' | 'postId' | 'activityId' | 'description' | 'startAt' | 'endAt'> &
        Partial<ServiceRecordDoc>,
    ): ServiceRecordDoc => {
      const minutes = Math.floor((fields.endAt - fields.startAt) / MINUTE);
      const createdAt = fields.createdAt ?? fields.endAt + int(rng, 10, 90) * MINUTE;
      return {
        communityId,
        memberId: r.history.member.id,
        unitId: unitOf(r),
        minutes,
        creditMinutes: minutes,
        photos: [],
        attendance: null,
        recordedBy: r.history.member.id,
        recordedByName: r.history.member.name,
        byStaff: false,
        correctsId: null,
        orderId: null,
        rating: null,
        status: 'pending',
        pendingSince: createdAt,
        createdAt,
        updatedAt: createdAt,
        ...fields,
      };
    };

    // Attendance at the past activity as activity.scan and activity.recordAttendance left it: four signed in and out,
    // one never signed out (still `signedIn`: staff close it at the activity's end when they stamp it), one recorded by
    // staff for a member without a phone.
    const past = activityOf.past;
    const scanned = (
      r: Resident,
      activity: ActivityDoc,
      signedInAt: Timestamp,
      signedOutAt: Timestamp | null,
      signInLocation: LocationCheck,
    ): ServiceRecordDoc => {
      const minutes = signedOutAt === null ? 0 : attendanceMinutes(activity, signedInAt, signedOutAt);
      return memberRecord(r, {
        _id: attendanceRecordId(activity._id, r.history.member.id),
        source: 'activity',
        postId: activity.postId,
        activityId: activity._id,
        description: activity.title,
        startAt: signedInAt,
        endAt: signedOutAt === null ? activity.endsAt : Math.max(signedInAt, Math.min(signedOutAt, activity.endsAt)),
        minutes,
        creditMinutes: minutes,
        status: signedOutAt === null ? 'signedIn' : 'pending',
        pendingSince: signedOutAt === null ? activity.endsAt : Math.min(signedOutAt, activity.endsAt),
        createdAt: signedInAt,
        updatedAt: signedOutAt ?? signedInAt,
        attendance: {
          signedInAt,
          signedOutAt,
          signOutMissing: false,
          signInLocation,
          signOutLocation: signedOutAt === null ? null : 'inside',
        },
      });
    };
    residents.slice(0, 6).forEach((r, k) => {
      const signedInAt = past.startsAt - 10 * MINUTE + k * 4 * MINUTE;
      if (k < 5) {
        const signedOutAt = k === 4 ? null : past.endsAt - 20 * MINUTE + k * 6 * MINUTE;
        records.push(scanned(r, past, signedInAt, signedOutAt, k === 3 ? 'outside' : 'inside'));
        return;
      }
      const signedOutAt = past.endsAt;
      const minutes = attendanceMinutes(past, signedInAt, signedOutAt);
      const createdAt = past.endsAt + 30 * MINUTE;
      const record = memberRecord(r, {
        _id: attendanceRecordId(past._id, r.history.member.id),
        source: 'activity',
        postId: past.postId,
        activityId: past._id,
        description: past.title,
        startAt: Math.max(signedInAt, past.startsAt),
        endAt: Math.min(signedOutAt, past.endsAt),
        minutes,
        creditMinutes: minutes,
        createdAt,
        updatedAt: createdAt,
        attendance: {
          signedInAt,
          signedOutAt,
          signOutMissing: false,
          signInLocation: 'unknown',
          signOutLocation: 'unknown',
        },
        recordedBy: staff.id,
        recordedByName: staff.name,
        byStaff: true,
      });
      auditLogs.push({
        action: 'record.staffAttendance',
        actorId: staff.id,
        targetId: record._id,
        at: createdAt,
        detail: { activityId: past._id, memberId: r.history.member.id },
      });
      records.push(record);
    });
    // Two are at the current activity now (the featured member is left to sign in during the demo).
    const current = activityOf.current;
    residents.slice(1, 3).forEach((r, k) => {
      records.push(scanned(r, current, nowMinute - (40 - 15 * k) * MINUTE, null, 'inside'));
    });

    // Self-reported service on claimed posts: two to four turns each over the last weeks, on days of their own.
    for (const [k, r] of claimers.entries()) {
      const held = claimsOf.get(r.history.member.id);
      if (!held) continue;
      const claimedAt = Math.max(
        ...postClaims.filter((c) => c.memberId === r.history.member.id).map((c) => c.claimedAt),
      );
      const days =
        k === 0 ? [1, 2, 5, 8, 12, 16, 20] : [int(rng, 1, 2), int(rng, 4, 6), int(rng, 7, 12), int(rng, 14, 24)];
      days.forEach((daysAgo, n) => {
        const post = held[n % held.length];
        const startAt = clock.at(daysAgo, n % 2 === 0 ? 14 : 8, 30);
        if (startAt <= claimedAt || daysAgo === 3) return;
        const hours = 1 + (n % 3);
        records.push(
          memberRecord(r, {
            _id: `demo-rec-${r.history.member.id}-${daysAgo}`,
            source: 'selfReported',
            postId: post._id,
            activityId: null,
            description: POST_TEXTS[post.kind].done,
            startAt,
            endAt: startAt + hours * HOUR,
          }),
        );
      });
    }

    // C01's queue shows one record waiting over 48 h and one over 96 h (the county admin lists that one).
    const own = records.filter((rec) => rec.communityId === communityId);
    const keptWaiting = new Set<string>();
    if (ci === 0) {
      const selfReported = own.filter((rec) => rec.source === 'selfReported');
      const waits: Array<[ServiceRecordDoc | undefined, number]> = [
        [selfReported.find((rec) => rec.endAt < now - 3 * DAY && rec.startAt > now - 5 * DAY), 60],
        [selfReported.find((rec) => rec.endAt < now - 5 * DAY && rec.startAt > now - 9 * DAY), 110],
      ];
      for (const [record, hours] of waits) {
        if (!record) continue;
        keptWaiting.add(record._id);
        Object.assign(record, { createdAt: now - hours * HOUR, updatedAt: now - hours * HOUR });
      }
    }

    // Staff decided what waited long enough: records older than about two days are confirmed, one of them rejected
    // (in C01, one of the featured member's); the rest wait, and so does the attendance without a sign-out.
    let rejected = false;
    for (const record of own.sort((a, b) => a.createdAt - b.createdAt || a._id.localeCompare(b._id))) {
      const decidedAt = Math.max(record.createdAt, record.endAt) + (6 + int(rng, 0, 30)) * HOUR;
      if (keptWaiting.has(record._id) || record.status === 'signedIn' || decidedAt >= now - 2 * DAY) continue;
      const reject =
        !rejected &&
        record.source === 'selfReported' &&
        (ci !== 0 || record.memberId === plan.personas.memberCheckedIn);
      if (!reject) {
        Object.assign(record, {
          status: 'confirmed',
          decidedBy: staff.id,
          decidedByName: staff.name,
          decidedAt,
          updatedAt: decidedAt,
        });
        continue;
      }
      rejected = true;
      const reason = REJECT_REASONS[ci % REJECT_REASONS.length];
      Object.assign(record, {
        status: 'rejected',
        decidedBy: staff.id,
        decidedByName: staff.name,
        decidedAt,
        updatedAt: decidedAt,
        rejectReason: reason,
      });
      auditLogs.push({
        action: 'record.reject',
        actorId: staff.id,
        targetId: record._id,
        at: decidedAt,
        detail: { communityId, reason },
      });
    }
  });

  const { ledgerEntries, ledgerHeads } = chainConfirmed(records, auditLogs);
  return {
    posts,
    postClaims,
    activities,
    activitySecrets,
    activitySignUps,
    serviceRecords: records,
    ledgerEntries,
    ledgerHeads,
    tallies: talliesOf(records),
    auditLogs,
  };
}

/**
 * Each community's confirmations in the order they were made, chained as chainToLedger does: the record gets its
 * place (`ledgerSeq`) before it is hashed; each entry holds the hash of the one before; the head holds the last.
 */
function chainConfirmed(
  records: ServiceRecordDoc[],
  auditLogs: AuditLogDoc[],
): { ledgerEntries: LedgerEntryDoc[]; ledgerHeads: LedgerHeadDoc[] } {
  const ledgerEntries: LedgerEntryDoc[] = [];
  const ledgerHeads: LedgerHeadDoc[] = [];
  for (const { _id: communityId } of COMMUNITIES) {
    const confirmed = records
      .filter((r) => r.communityId === communityId && r.status === 'confirmed')
      .sort((a, b) => a.decidedAt! - b.decidedAt! || a._id.localeCompare(b._id));
    let prevHash = GENESIS_HASH;
    confirmed.forEach((record, i) => {
      const seq = i + 1;
      record.ledgerSeq = seq;
      const entry = {
        communityId,
        seq,
        recordId: record._id,
        recordHash: recordHash(record),
        prevHash,
        at: record.decidedAt!,
      };
      const hash = entryHash(entry);
      ledgerEntries.push({ _id: ledgerEntryId(communityId, seq), ...entry, hash });
      prevHash = hash;
      auditLogs.push({
        action: 'record.confirm',
        actorId: record.decidedBy!,
        targetId: record._id,
        at: record.decidedAt!,
        detail: { communityId, memberId: record.memberId, minutes: record.creditMinutes },
      });
    });
    const last = confirmed.at(-1);
    if (last) ledgerHeads.push({ _id: communityId, seq: confirmed.length, hash: prevHash, updatedAt: last.decidedAt! });
  }
  return { ledgerEntries, ledgerHeads };
}

/** The totals the confirmations added (domain/tallies.ts), each on its first shard. */
export function talliesOf(records: readonly ServiceRecordDoc[]): TallyDoc[] {
  const sums = new Map<string, TallyDoc>();
  for (const record of records) {
    if (record.status !== 'confirmed') continue;
    const credit = creditOf(record);
    for (const key of keysOf(credit)) {
      const id = tallyDocId(key, 0);
      const tally = sums.get(id) ?? { _id: id, key, shard: 0, minutes: 0, records: 0 };
      tally.minutes += credit.minutes;
      tally.records += credit.records;
      sums.set(id, tally);
    }
  }
  return [...sums.values()].sort((a, b) => a._id.localeCompare(b._id));
}
