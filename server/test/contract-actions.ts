import fc from 'fast-check';
import {
  type ActionName,
  type FunctionName,
  type RequestOf,
  REGISTRATION_LIMITS,
  REQUEST_LIMITS,
  SERVICE_KINDS,
  SUBSCRIBE_KEYS,
  ORDER_KINDS,
  ORDER_LIMITS,
  type OrderContactInput,
  type OrderInput,
} from '../../types';
import { CODE_SECONDS_RANGE, POST_KINDS, SERVICE_LIMITS as POST_LIMITS } from '../../types';
import { aRegistration } from '../../domain/testing';
import { DEMO_PERSONAS } from '../src/demo';

/** What a request field holds: enough to make a value that is certainly wrong for it. */
export type FieldKind =
  /** A string of at most `maxChars` characters (any content may be right, so only other types and longer are wrong). */
  | { kind: 'text'; maxChars: number }
  /** A document id: letters, digits, `_` and `-`, at most 64. */
  | { kind: 'id' }
  | { kind: 'boolean' }
  /** Only `true` is right. */
  | { kind: 'true' }
  | { kind: 'enum'; values: readonly string[] }
  | { kind: 'list'; of: FieldKind }
  /** A whole number from `min` to `max`. */
  | { kind: 'integer'; min: number; max: number }
  /** Any number (fractions too) from `min` to `max`. */
  | { kind: 'number'; min: number; max: number }
  /** `null`, or a value of the kind `of`. */
  | { kind: 'nullable'; of: FieldKind }
  /** An object with exactly these fields (`valid` is one that is right). */
  | { kind: 'object'; valid: Record<string, unknown>; fields: Record<string, FieldKind> };

/**
 * How to fuzz one action: a request the function would accept (the fuzzer only ever sends it spoilt), what each of
 * its fields holds, and which fields it may leave out (leaving those out would make a request that is still right).
 */
export interface ActionShape<R> {
  valid: R;
  fields: { [K in keyof R]-?: FieldKind };
  mayLeaveOut: Array<keyof R & string>;
}

/**
 * Every action of every function in the contract. A mapped type over `Api`: an action added to the contract does not
 * compile here until it is described, so it is fuzzed the day it is added.
 */
export type ContractShapes = { [F in FunctionName]: { [A in ActionName<F>]: ActionShape<RequestOf<F, A>> } };

const nothing = { valid: {}, fields: {}, mayLeaveOut: [] };
const text = (maxChars: number): FieldKind => ({ kind: 'text', maxChars });
const id: FieldKind = { kind: 'id' };

/** What a resident's request holds (order.post, and staff's postOnBehalf with a contact). */
const ORDER_SHAPE = {
  valid: {
    kind: '生活帮扶',
    text: '帮忙买一袋大米送上楼',
    wantedBy: Date.UTC(2099, 0, 1),
    photos: ['cloud://demo.photo/a.jpg'],
  },
  fields: {
    kind: { kind: 'enum', values: ORDER_KINDS },
    text: text(ORDER_LIMITS.textMax),
    wantedBy: { kind: 'integer', min: 0, max: Date.UTC(2100, 0, 1) },
    photos: { kind: 'list', of: text(1024) },
  },
} satisfies Omit<ActionShape<OrderInput>, 'mayLeaveOut'>;

const ORDER_CONTACT = {
  valid: { name: '孙大爷', phone: '13900002222', compound: '幸福小区', building: '1栋', unit: '1单元', room: '101' },
  fields: {
    name: text(ORDER_LIMITS.nameMax),
    phone: text(32),
    compound: text(ORDER_LIMITS.compoundMax),
    building: text(ORDER_LIMITS.doorPartMax),
    unit: text(ORDER_LIMITS.doorPartMax),
    room: text(ORDER_LIMITS.doorPartMax),
  },
} satisfies { valid: OrderContactInput; fields: Record<keyof OrderContactInput, FieldKind> };

/** A `PageRequest` (domain/schemas/paging.ts): both fields may be left out. */
const paging = {
  valid: { limit: 20 },
  fields: { cursor: text(80), limit: { kind: 'integer', min: 1, max: 50 } },
  mayLeaveOut: ['cursor', 'limit'],
} satisfies ActionShape<{ cursor?: string; limit?: number }>;

/** A timestamp as the forms send it (domain/schemas/activity.ts). */
const moment: FieldKind = { kind: 'integer', min: 0, max: Date.UTC(2100, 0, 1) };
const GEO_POINT = {
  kind: 'object',
  valid: { latitude: 30.1, longitude: 120.2 },
  fields: { latitude: { kind: 'number', min: -90, max: 90 }, longitude: { kind: 'number', min: -180, max: 180 } },
} as const satisfies FieldKind;
const GEO_FENCE = {
  kind: 'object',
  valid: { ...GEO_POINT.valid, radiusMeters: 200 },
  fields: {
    ...GEO_POINT.fields,
    radiusMeters: { kind: 'integer', min: POST_LIMITS.radiusMinMeters, max: POST_LIMITS.radiusMaxMeters },
  },
} as const satisfies FieldKind;

export const CONTRACT_SHAPES: ContractShapes = {
  user: {
    getMe: nothing,
    register: {
      valid: aRegistration(),
      fields: {
        name: text(REGISTRATION_LIMITS.nameMax),
        phone: text(32),
        phoneCode: text(128),
        unitId: id,
        skills: { kind: 'list', of: text(REGISTRATION_LIMITS.skillMaxChars) },
        willingness: { kind: 'list', of: { kind: 'enum', values: SERVICE_KINDS } },
        pledge: text(REGISTRATION_LIMITS.pledgeMax),
        pledgePublic: { kind: 'boolean' },
      },
      mayLeaveOut: ['phoneCode'],
    },
    getMyData: nothing,
    deleteMyData: { valid: { confirm: true }, fields: { confirm: { kind: 'true' } }, mayLeaveOut: [] },
  },
  unit: {
    list: nothing,
    listMembers: {
      valid: { status: 'unverified' },
      fields: { status: { kind: 'enum', values: ['unverified', 'verified', 'rejected', 'deleted'] } },
      mayLeaveOut: ['status'],
    },
    verifyMember: {
      valid: { memberId: DEMO_PERSONAS.memberUnverified, decision: 'verify' },
      fields: { memberId: id, decision: { kind: 'enum', values: ['verify', 'reject'] } },
      mayLeaveOut: [],
    },
    listNotCheckedIn: nothing,
  },
  community: {
    list: nothing,
    get: { valid: { communityId: 'C01' }, fields: { communityId: id }, mayLeaveOut: [] },
    getQrCode: nothing,
    staffHome: nothing,
    listCheckedIn: paging,
  },
  activity: {
    list: {
      valid: { communityId: 'C01', when: 'past' },
      fields: { communityId: id, when: { kind: 'enum', values: ['upcoming', 'past'] } },
      mayLeaveOut: ['communityId', 'when'],
    },
    get: { valid: { activityId: 'demo-activity' }, fields: { activityId: id }, mayLeaveOut: [] },
    save: {
      valid: {
        title: '清理楼道杂物',
        place: '东街1号院',
        startsAt: Date.UTC(2030, 0, 5, 2),
        endsAt: Date.UTC(2030, 0, 5, 3),
        geo: GEO_FENCE.valid,
        capacity: 20,
        postId: null,
        codeSeconds: 10,
        activityId: 'demo-activity',
      },
      fields: {
        title: text(POST_LIMITS.titleMax),
        place: text(POST_LIMITS.placeMax),
        startsAt: moment,
        endsAt: moment,
        geo: { kind: 'nullable', of: GEO_FENCE },
        capacity: { kind: 'integer', min: 1, max: POST_LIMITS.capacityMax },
        postId: { kind: 'nullable', of: id },
        codeSeconds: { kind: 'integer', min: CODE_SECONDS_RANGE.min, max: CODE_SECONDS_RANGE.max },
        activityId: id,
      },
      mayLeaveOut: ['codeSeconds', 'activityId'],
    },
    signUp: {
      valid: { activityId: 'demo-activity', cancel: false },
      fields: { activityId: id, cancel: { kind: 'boolean' } },
      mayLeaveOut: ['cancel'],
    },
    getCodeKey: { valid: { activityId: 'demo-activity' }, fields: { activityId: id }, mayLeaveOut: [] },
    // `code` and `holdId` are one or the other, so neither is left out alone (that would be right).
    scan: {
      valid: { code: 'demo-activity.1.0123456789abcdef', location: GEO_POINT.valid },
      fields: { code: text(1000), holdId: id, location: { kind: 'nullable', of: GEO_POINT } },
      mayLeaveOut: ['location'],
    },
    holdCode: { valid: { code: 'demo-activity.1.0123456789abcdef' }, fields: { code: text(1000) }, mayLeaveOut: [] },
    attendance: { valid: { activityId: 'demo-activity' }, fields: { activityId: id }, mayLeaveOut: [] },
    recordAttendance: {
      valid: {
        activityId: 'demo-activity',
        memberId: DEMO_PERSONAS.memberUnverified,
        signedInAt: Date.UTC(2026, 0, 5, 2),
        signedOutAt: Date.UTC(2026, 0, 5, 3),
      },
      fields: { activityId: id, memberId: id, signedInAt: moment, signedOutAt: moment },
      mayLeaveOut: [],
    },
  },
  board: {
    get: { valid: { communityId: 'C01' }, fields: { communityId: id }, mayLeaveOut: ['communityId'] },
  },
  notify: {
    subscribe: {
      valid: { accepted: ['recordDecided', 'dailyDigest'] },
      fields: { accepted: { kind: 'list', of: { kind: 'enum', values: SUBSCRIBE_KEYS } } },
      mayLeaveOut: [],
    },
    mine: nothing,
  },
  order: {
    getProfile: nothing,
    saveProfile: {
      valid: {
        name: '王大妈',
        phone: '13900001111',
        phoneCode: '13900001111',
        communityId: 'C01',
        compound: '幸福小区',
        building: '3栋',
        unit: '2单元',
        room: '501',
      },
      fields: {
        name: text(ORDER_LIMITS.nameMax),
        phone: text(32),
        phoneCode: text(128),
        communityId: id,
        compound: text(ORDER_LIMITS.compoundMax),
        building: text(ORDER_LIMITS.doorPartMax),
        unit: text(ORDER_LIMITS.doorPartMax),
        room: text(ORDER_LIMITS.doorPartMax),
      },
      mayLeaveOut: ['phone', 'phoneCode'],
    },
    deleteProfile: { valid: { confirm: true }, fields: { confirm: { kind: 'true' } }, mayLeaveOut: [] },
    post: { valid: ORDER_SHAPE.valid, fields: ORDER_SHAPE.fields, mayLeaveOut: [] },
    postOnBehalf: {
      valid: { ...ORDER_SHAPE.valid, contact: ORDER_CONTACT.valid },
      fields: { ...ORDER_SHAPE.fields, contact: { kind: 'object', ...ORDER_CONTACT } },
      mayLeaveOut: [],
    },
    listMine: paging,
    get: { valid: { orderId: 'O01' }, fields: { orderId: id }, mayLeaveOut: [] },
    cancel: { valid: { orderId: 'O01' }, fields: { orderId: id }, mayLeaveOut: [] },
    listForStaff: {
      valid: { limit: 20, filter: 'submitted' },
      fields: {
        ...paging.fields,
        filter: { kind: 'enum', values: ['submitted', 'published', 'taken', 'done', 'finished', 'closed'] },
      },
      mayLeaveOut: ['cursor', 'limit'],
    },
    publish: { valid: { orderId: 'O01' }, fields: { orderId: id }, mayLeaveOut: [] },
    merge: { valid: { orderId: 'O01', intoId: 'O02' }, fields: { orderId: id, intoId: id }, mayLeaveOut: [] },
    reject: {
      valid: { orderId: 'O01', reason: '重复的需求' },
      fields: { orderId: id, reason: text(ORDER_LIMITS.reasonMax) },
      mayLeaveOut: [],
    },
    escalated: paging,
    listOpen: paging,
    listTaken: paging,
    take: { valid: { orderId: 'O01' }, fields: { orderId: id }, mayLeaveOut: [] },
    release: {
      valid: { orderId: 'O01', reason: '临时有事' },
      fields: { orderId: id, reason: text(ORDER_LIMITS.reasonMax) },
      mayLeaveOut: [],
    },
    markDone: {
      valid: {
        orderId: 'O01',
        note: '已经买好送到家',
        photos: ['cloud://demo.photo/a.jpg'],
        startAt: Date.UTC(2026, 0, 5, 2),
        endAt: Date.UTC(2026, 0, 5, 3),
      },
      fields: {
        orderId: id,
        note: text(ORDER_LIMITS.doneNoteMax),
        photos: { kind: 'list', of: text(1024) },
        startAt: { kind: 'integer', min: 0, max: Date.UTC(2100, 0, 1) },
        endAt: { kind: 'integer', min: 0, max: Date.UTC(2100, 0, 1) },
      },
      mayLeaveOut: [],
    },
    rate: {
      valid: { orderId: 'O01', stars: 5, comment: '很好' },
      fields: { orderId: id, stars: { kind: 'integer', min: 1, max: 5 }, comment: text(ORDER_LIMITS.commentMax) },
      mayLeaveOut: [],
    },
    confirmDone: {
      valid: { orderId: 'O01', stars: 4, comment: '' },
      fields: {
        orderId: id,
        stars: { kind: 'nullable', of: { kind: 'integer', min: 1, max: 5 } },
        comment: text(ORDER_LIMITS.commentMax),
      },
      mayLeaveOut: [],
    },
  },
  checkin: {
    checkIn: {
      valid: { communityId: 'C02', transfer: true },
      fields: { communityId: id, transfer: { kind: 'boolean' } },
      mayLeaveOut: ['transfer'],
    },
    getMine: nothing,
  },
  post: {
    list: {
      valid: { communityId: 'C01', includeClosed: true },
      fields: { communityId: id, includeClosed: { kind: 'boolean' } },
      mayLeaveOut: ['communityId', 'includeClosed'],
    },
    save: {
      valid: {
        postId: 'P01',
        kind: '环境维护岗',
        duty: '清理楼道杂物',
        forWhom: '社区居民',
        capacity: 5,
        until: Date.UTC(2099, 0, 1),
      },
      fields: {
        postId: id,
        kind: { kind: 'enum', values: POST_KINDS },
        duty: text(POST_LIMITS.dutyMax),
        forWhom: text(POST_LIMITS.forWhomMax),
        capacity: { kind: 'integer', min: 1, max: POST_LIMITS.capacityMax },
        until: { kind: 'integer', min: 0, max: Date.UTC(2100, 0, 1) },
      },
      mayLeaveOut: ['postId'],
    },
    close: { valid: { postId: 'P01' }, fields: { postId: id }, mayLeaveOut: [] },
    claim: { valid: { postId: 'P01' }, fields: { postId: id }, mayLeaveOut: [] },
    leave: { valid: { postId: 'P01' }, fields: { postId: id }, mayLeaveOut: [] },
  },
  card: {
    get: nothing,
    lines: paging,
  },
  record: {
    report: {
      valid: {
        postId: 'P01',
        startAt: Date.UTC(2026, 0, 5, 2),
        endAt: Date.UTC(2026, 0, 5, 3),
        description: '打扫楼道卫生',
        photos: ['cloud://demo.photo/a.jpg'],
      },
      fields: {
        postId: id,
        startAt: { kind: 'integer', min: 0, max: Date.UTC(2100, 0, 1) },
        endAt: { kind: 'integer', min: 0, max: Date.UTC(2100, 0, 1) },
        description: text(300),
        photos: { kind: 'list', of: text(1024) },
      },
      mayLeaveOut: [],
    },
    listMine: {
      valid: { limit: 20, status: 'pending' },
      fields: { ...paging.fields, status: { kind: 'enum', values: ['signedIn', 'pending', 'confirmed', 'rejected'] } },
      mayLeaveOut: ['cursor', 'limit', 'status'],
    },
    queue: paging,
    confirm: { valid: { recordIds: ['R01'] }, fields: { recordIds: { kind: 'list', of: id } }, mayLeaveOut: [] },
    reject: {
      valid: { recordId: 'R01', reason: '照片看不清' },
      fields: { recordId: id, reason: text(100) },
      mayLeaveOut: [],
    },
    correct: {
      valid: {
        recordId: 'R01',
        startAt: Date.UTC(2026, 0, 5, 2),
        endAt: Date.UTC(2026, 0, 5, 3),
        note: '结束时间记错了',
      },
      fields: {
        recordId: id,
        startAt: { kind: 'integer', min: 0, max: Date.UTC(2100, 0, 1) },
        endAt: { kind: 'integer', min: 0, max: Date.UTC(2100, 0, 1) },
        note: text(300),
      },
      mayLeaveOut: [],
    },
    overdue: paging,
    verifyLedger: { valid: { communityId: 'C01' }, fields: { communityId: id }, mayLeaveOut: ['communityId'] },
  },
};

// --- wrong values -------------------------------------------------------------------------------------------------

/** Values shaped like database operators, as an attacker would send them to widen a query. */
const OPERATORS = [
  { $ne: null },
  { $gt: '' },
  { $exists: true },
  { $in: [] },
  { $regex: '.*' },
  { $where: 'sleep(1000)' },
  { $or: [{}] },
];

/** An object whose own key is `key`, even for `__proto__` (a literal would set the prototype instead). */
export function withOwnKey(base: object, key: string, value: unknown): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...base };
  Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

const PROTOTYPE_POLLUTION = [
  withOwnKey({}, '__proto__', { isAdmin: true, roles: ['countyAdmin'] }),
  { constructor: { prototype: { isAdmin: true } } },
  withOwnKey({}, '__proto__', { $ne: null }),
];

/** Nesting that stays under the request depth limit (the envelope and the field take a few levels). */
const MAX_NESTING = REQUEST_LIMITS.maxDepth - 6;

const nested = (leaf: fc.Arbitrary<unknown>) =>
  fc.tuple(fc.integer({ min: 1, max: MAX_NESTING }), fc.boolean(), leaf).map(([depth, asArray, value]) => {
    let out: unknown = value;
    for (let level = 0; level < depth; level++) out = asArray ? [out] : { a: out };
    return out;
  });

const hugeString = fc
  .tuple(fc.integer({ min: 2_000, max: 60_000 }), fc.constantFrom('x', '张', '\u202e', '\ud800', '$'))
  .map(([length, unit]) => unit.repeat(length));

/** Any JSON value: strings of any code units (lone surrogates too), operators, pollution, deep nesting. */
export const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 4, stringUnit: 'binary' }),
  fc.constantFrom(...OPERATORS, ...PROTOTYPE_POLLUTION),
  nested(fc.jsonValue({ maxDepth: 1 })),
  hugeString,
);

const isString = (value: unknown): value is string => typeof value === 'string';

/** A string that is certainly not a document id. */
const notAnId = fc.oneof(
  fc.constantFrom('', '$ne', '../C01', 'C01 ', 'C0%31', '{"$gt":""}', 'C01\u0000', '__proto__.x'),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }).filter((s) => !/^[0-9A-Za-z_-]{1,64}$/.test(s)),
  fc.integer({ min: 65, max: 500 }).map((length) => 'a'.repeat(length)),
);

function rightType(value: unknown, field: FieldKind): boolean {
  switch (field.kind) {
    case 'text':
    case 'id':
    case 'enum':
      return isString(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'true':
      return value === true;
    case 'list':
      return Array.isArray(value);
    case 'integer':
    case 'number':
      return typeof value === 'number';
    case 'nullable':
      return value === null || rightType(value, field.of);
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
  }
}

/** A value that no right request carries in a field of this kind (never `undefined`: JSON would drop the field). */
export function wrongValue(field: FieldKind): fc.Arbitrary<unknown> {
  const otherType = anyValue.filter((value) => value !== undefined && !rightType(value, field));
  switch (field.kind) {
    case 'text':
      return fc.oneof(
        otherType,
        hugeString.filter((s) => [...s].length > field.maxChars),
      );
    case 'id':
      return fc.oneof(otherType, notAnId, hugeString);
    case 'enum':
      return fc.oneof(
        otherType,
        fc.string({ unit: 'binary', maxLength: 30 }).filter((s) => !field.values.includes(s)),
      );
    case 'boolean':
      return fc.oneof(otherType, fc.constantFrom<unknown>('true', 'yes', 1, 0, 'false'));
    case 'true':
      return fc.oneof(otherType, fc.constantFrom<unknown>('true', 'yes', 1, 0, false));
    case 'list':
      return fc.oneof(
        otherType,
        fc
          .tuple(fc.array(fc.constantFrom('电工'), { maxLength: 3 }), wrongValue(field.of))
          .map(([good, bad]) => [...good, bad]),
      );
    case 'integer':
      return fc.oneof(
        otherType,
        fc.constantFrom<unknown>(field.min - 1, field.max + 1, field.min + 0.5, Number.MAX_SAFE_INTEGER, '1'),
      );
    case 'number':
      return fc.oneof(otherType, fc.constantFrom<unknown>(field.min - 1, field.max + 0.5, -Number.MAX_VALUE, '1'));
    case 'nullable':
      return wrongValue(field.of).filter((value) => value !== null);
    case 'object': {
      const entries = Object.entries(field.fields);
      return fc.oneof(
        otherType,
        fc
          .constantFrom(...entries)
          .chain(([key, kind]) => wrongValue(kind).map((value) => withOwnKey(field.valid, key, value))),
        fc.constantFrom(...entries).map(([key]) => {
          const rest = { ...field.valid };
          delete rest[key];
          return rest;
        }),
        strangeKey.filter((key) => !(key in field.fields)).map((key) => withOwnKey(field.valid, key, 1)),
      );
    }
  }
}

// --- wrong requests -----------------------------------------------------------------------------------------------

/** Keys an attacker tries: identity and prototype keys, operators, and anything at all. */
const strangeKey = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', '_id', '_openid', 'openid', 'OPENID', '$where', '$ne', ''),
  fc.string({ unit: 'binary', maxLength: 20 }),
);

/**
 * Requests for this action that no right caller sends: the right request with an unknown key added, with one field
 * of the wrong kind, or without a field it needs; or `data` that is not an object at all.
 */
export function wrongRequests<R extends object>(shape: ActionShape<R>): fc.Arbitrary<unknown> {
  const fields = Object.entries(shape.fields) as Array<[string, FieldKind]>;
  const known = new Set(fields.map(([key]) => key));
  const needed = Object.keys(shape.valid).filter((key) => !shape.mayLeaveOut.includes(key as keyof R & string));
  const withExtraKey = fc
    .tuple(
      strangeKey.filter((key) => !known.has(key)),
      anyValue,
    )
    .map(([key, value]) => withOwnKey(shape.valid, key, value));
  const notAnObject = fc.oneof(
    fc
      .jsonValue({ maxDepth: 2 })
      .filter((value) => typeof value !== 'object' || value === null || Array.isArray(value)),
    nested(fc.constant([])).map((value) => [value]),
  );
  // Most of the effort goes to requests that reach the function; `data` that is no object the server refuses itself.
  const choices: Array<fc.WeightedArbitrary<unknown>> = [
    { arbitrary: withExtraKey, weight: 3 },
    { arbitrary: notAnObject, weight: 1 },
  ];
  if (fields.length > 0) {
    const wrongField = fc
      .constantFrom(...fields)
      .chain(([key, field]) => wrongValue(field).map((value) => withOwnKey(shape.valid, key, value)));
    choices.push({ arbitrary: wrongField, weight: 4 });
  }
  if (needed.length > 0) {
    const missingField = fc.constantFrom(...needed).map((key) => {
      const rest: Record<string, unknown> = { ...(shape.valid as Record<string, unknown>) };
      delete rest[key];
      return rest;
    });
    choices.push({ arbitrary: missingField, weight: 1 });
  }
  return fc.oneof(...choices);
}

/** The shapes as a list, for one test each. */
export function everyAction(): Array<[FunctionName, string, ActionShape<object>]> {
  return Object.entries(CONTRACT_SHAPES).flatMap(([fn, shapes]) =>
    Object.entries(shapes as unknown as Record<string, ActionShape<object>>).map(
      ([action, shape]): [FunctionName, string, ActionShape<object>] => [fn as FunctionName, action, shape],
    ),
  );
}
