import type {
  AuditLogDoc,
  CheckInDoc,
  CommunityDoc,
  CounterDoc,
  MemberDoc,
  ServiceCardDoc,
  UnitDoc,
  UserDoc,
} from './documents';
import type {
  ActivityDoc,
  ActivitySecretDoc,
  ActivitySignUpDoc,
  CodeHoldDoc,
  LedgerEntryDoc,
  LedgerHeadDoc,
  PostClaimDoc,
  PostDoc,
  ServiceRecordDoc,
  SettingsDoc,
  TallyDoc,
} from './service-documents';
import type { OrderContactDoc, OrderDoc, ResidentDoc, SubscriptionDoc } from './order-documents';

/**
 * Every collection of the cloud database and the shape of its documents: the one source that the data layer, the
 * database manifest (`cloudfunctions/database.json`, checked by a test), the demo data and the test fixtures follow.
 */
export interface Collections {
  users: UserDoc;
  communities: CommunityDoc;
  units: UnitDoc;
  members: MemberDoc;
  checkIns: CheckInDoc;
  serviceCards: ServiceCardDoc;
  counters: CounterDoc;
  auditLogs: AuditLogDoc;
  posts: PostDoc;
  postClaims: PostClaimDoc;
  activities: ActivityDoc;
  activitySecrets: ActivitySecretDoc;
  activitySignUps: ActivitySignUpDoc;
  codeHolds: CodeHoldDoc;
  serviceRecords: ServiceRecordDoc;
  ledgerEntries: LedgerEntryDoc;
  ledgerHeads: LedgerHeadDoc;
  tallies: TallyDoc;
  settings: SettingsDoc;
  residents: ResidentDoc;
  orders: OrderDoc;
  orderContacts: OrderContactDoc;
  subscriptions: SubscriptionDoc;
}

export type CollectionName = keyof Collections;

/** The names, in the order the demo data and the manifest list them. */
export const COLLECTION_NAMES = [
  'users',
  'communities',
  'units',
  'members',
  'checkIns',
  'serviceCards',
  'counters',
  'auditLogs',
  'posts',
  'postClaims',
  'activities',
  'activitySecrets',
  'activitySignUps',
  'codeHolds',
  'serviceRecords',
  'ledgerEntries',
  'ledgerHeads',
  'tallies',
  'settings',
  'residents',
  'orders',
  'orderContacts',
  'subscriptions',
] as const satisfies readonly CollectionName[];

/** Fails to compile when a collection is missing from COLLECTION_NAMES. */
type Missing = Exclude<CollectionName, (typeof COLLECTION_NAMES)[number]>;
export const NO_COLLECTION_MISSING: Missing extends never ? true : never = true;
