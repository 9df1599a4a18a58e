import { type Doc, type Value, isPlainObject } from '../ejson';
import type { IndexSpec } from './manifest';

/**
 * Index keys are strings that sort like MongoDB values of one type: a type letter, then an order-preserving
 * encoding (numbers and dates as sign-flipped IEEE-754 hex, strings as themselves). Compound keys join their
 * parts with \u0001, which sorts below every encoded part.
 */
export const KEY_SEPARATOR = '\u0001';
const NULL_KEY = 'a';

function encodeNumber(n: number): string {
  const buf = Buffer.alloc(8);
  buf.writeDoubleBE(n === 0 ? 0 : n);
  if (n >= 0 || Object.is(n, 0)) buf[0] ^= 0x80;
  else for (let i = 0; i < 8; i++) buf[i] ^= 0xff;
  return buf.toString('hex');
}

/** The key of one scalar, or undefined for values an index does not order (objects, arrays, regexps). */
export function scalarKey(value: Value | undefined): string | undefined {
  if (value === null || value === undefined) return NULL_KEY;
  if (typeof value === 'number') return Number.isNaN(value) ? undefined : `n${encodeNumber(value)}`;
  if (typeof value === 'string') return `s${value}`;
  if (typeof value === 'boolean') return value ? 'b1' : 'b0';
  if (value instanceof Date) return `d${encodeNumber(value.getTime())}`;
  return undefined;
}

/** The range of keys that holds every value of the same type as `value`: [lower, upper). */
export function typeRange(value: Value): { lower: string; upper: string } | undefined {
  const key = scalarKey(value);
  if (!key || key === NULL_KEY || key.startsWith('b')) return undefined;
  // The next type letter bounds the range: SQLite compares UTF-8 bytes, where any \uffff suffix would sort below
  // characters outside the BMP.
  return { lower: key[0], upper: String.fromCharCode(key.charCodeAt(0) + 1) };
}

/** Every value found at a dot path, stepping through arrays as MongoDB does; array leaves give their elements. */
export function valuesAtPath(doc: Value, path: string[]): Value[] {
  if (path.length === 0) {
    return Array.isArray(doc) ? (doc.length === 0 ? [null] : doc) : [doc];
  }
  if (Array.isArray(doc)) {
    const [head] = path;
    if (/^\d+$/.test(head)) return valuesAtPath(doc[Number(head)] ?? null, path.slice(1));
    return doc.flatMap((item) => (isPlainObject(item) ? valuesAtPath(item, path) : []));
  }
  if (!isPlainObject(doc)) return [null];
  const next = doc[path[0]];
  if (next === undefined) return [null];
  return valuesAtPath(next, path.slice(1));
}

function hasAnyKeyField(doc: Doc, spec: IndexSpec): boolean {
  return Object.keys(spec.keys).some((field) => valuesAtPath(doc, field.split('.')).some((v) => v !== null));
}

/** The index entries of a document: one per value (multikey), the cross product for a compound index. */
export function indexEntries(doc: Doc, spec: IndexSpec): string[] {
  if (spec.sparse && !hasAnyKeyField(doc, spec)) return [];
  let keys: string[] = [''];
  for (const field of Object.keys(spec.keys)) {
    const parts = new Set<string>();
    for (const value of valuesAtPath(doc, field.split('.'))) {
      parts.add(scalarKey(value) ?? `o${JSON.stringify(value)}`);
    }
    keys = keys.flatMap((prefix) => [...parts].map((part) => (prefix ? `${prefix}${KEY_SEPARATOR}${part}` : part)));
  }
  return keys;
}
