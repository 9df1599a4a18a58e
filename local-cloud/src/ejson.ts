import { BSONRegExp, EJSON } from 'bson';

/** A document or query value after decoding: plain JS values, Dates and RegExps only. */
export type Value = null | boolean | number | string | Date | RegExp | Buffer | Value[] | { [key: string]: Value };
export type Doc = { [key: string]: Value };

const JS_REGEX_FLAGS = new Set(['i', 'm', 's', 'u']);

interface Convertible {
  _bsontype?: string;
  toNumber?: () => number;
  toHexString?: () => string;
  valueOf?: () => unknown;
  buffer?: Uint8Array;
}

/**
 * Turns what EJSON.parse produced into plain values: BSON numbers become numbers, BSONRegExp a RegExp, ObjectId
 * its hex string, and the cloud's own `{$tcb_server_date: {offset}}` the server's clock plus the offset.
 */
export function toPlain(value: unknown, now: number): Value {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object') return value as Value;
  if (value instanceof Date || value instanceof RegExp || Buffer.isBuffer(value)) return value as Value;
  if (Array.isArray(value)) return value.map((item) => toPlain(item, now));
  if (value instanceof BSONRegExp) {
    const flags = [...value.options].filter((f) => JS_REGEX_FLAGS.has(f)).join('');
    return new RegExp(value.pattern, flags);
  }
  const bson = value as Convertible;
  switch (bson._bsontype) {
    case 'Int32':
    case 'Double':
      return Number(bson.valueOf?.());
    case 'Long':
      return bson.toNumber?.() ?? 0;
    case 'Decimal128':
      return Number(String(value));
    case 'ObjectId':
    case 'ObjectID':
      return bson.toHexString?.() ?? String(value);
    case 'Binary':
      return Buffer.from(bson.buffer ?? []);
    default:
      break;
  }
  const obj = value as Record<string, unknown>;
  const serverDate = obj.$tcb_server_date as { offset?: unknown } | undefined;
  if (serverDate && typeof serverDate === 'object' && Object.keys(obj).length === 1) {
    const offset = Number(toPlain(serverDate.offset, now) ?? 0);
    return new Date(now + (Number.isFinite(offset) ? offset : 0));
  }
  const out: Doc = {};
  for (const [key, item] of Object.entries(obj)) {
    if (item === undefined) continue;
    out[key] = toPlain(item, now);
  }
  return out;
}

/** Decodes a wire field that is an EJSON string (or, from older callers, an already-parsed object). */
export function decode(input: unknown, now = Date.now()): Value {
  if (input === undefined || input === null || input === '') return null;
  const parsed = typeof input === 'string' ? EJSON.parse(input, { relaxed: true }) : EJSON.deserialize(input as object);
  return toPlain(parsed, now);
}

export function decodeDoc(input: unknown, now = Date.now()): Doc {
  const value = decode(input, now);
  if (!value || typeof value !== 'object' || Array.isArray(value) || value instanceof Date || value instanceof RegExp) {
    return {};
  }
  return value as Doc;
}

/** Stored and returned form: relaxed EJSON keeps Dates and RegExps and leaves numbers readable. */
export function encode(value: Value): string {
  return EJSON.stringify(value, { relaxed: true });
}

export function isPlainObject(value: unknown): value is Doc {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof Date) &&
    !(value instanceof RegExp) &&
    !Buffer.isBuffer(value)
  );
}
