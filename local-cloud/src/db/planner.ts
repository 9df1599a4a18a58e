import { type Doc, type Value, isPlainObject } from '../ejson';
import { KEY_SEPARATOR, scalarKey, typeRange } from './index-keys';
import type { IndexSpec } from './manifest';

/** A set of index keys to read: exact keys or key prefixes (for a compound index used on its first fields). */
export type KeyLookup =
  | { kind: 'keys'; keys: string[]; prefix: boolean }
  | { kind: 'range'; lower?: string; lowerInclusive: boolean; upper?: string; upperInclusive: boolean };

export interface Plan {
  index: IndexSpec;
  lookup: KeyLookup;
}

interface FieldCondition {
  eq?: Value[];
  range?: { gt?: Value; gte?: Value; lt?: Value; lte?: Value };
}

const RANGE_OPS = ['$gt', '$gte', '$lt', '$lte'] as const;

function isScalar(value: Value): boolean {
  return scalarKey(value) !== undefined;
}

function conditionOf(value: Value): FieldCondition | undefined {
  if (!isPlainObject(value)) return isScalar(value) ? { eq: [value] } : undefined;
  const ops = Object.keys(value);
  if (ops.length === 0 || !ops.every((op) => op.startsWith('$'))) return undefined;
  if ('$eq' in value && isScalar(value.$eq)) return { eq: [value.$eq] };
  const $in = value.$in;
  if (Array.isArray($in) && $in.length > 0 && $in.every(isScalar)) return { eq: $in };
  const range: NonNullable<FieldCondition['range']> = {};
  for (const op of RANGE_OPS) {
    const bound = value[op];
    if (bound !== undefined && isScalar(bound) && bound !== null && typeof bound !== 'boolean') {
      range[op.slice(1) as 'gt'] = bound;
    }
  }
  return Object.keys(range).length > 0 ? { range } : undefined;
}

/** Conditions every match must meet: the query's own fields and those of a top-level $and. */
function collectConditions(query: Doc, out: Map<string, FieldCondition>): void {
  for (const [field, value] of Object.entries(query)) {
    if (field === '$and' && Array.isArray(value)) {
      for (const part of value) if (isPlainObject(part)) collectConditions(part, out);
      continue;
    }
    if (field.startsWith('$')) continue;
    const condition = conditionOf(value);
    if (condition && !out.has(field)) out.set(field, condition);
  }
}

/**
 * Only one bound is used: on an array field MongoDB lets different elements meet $gt and $lt, so the range of
 * both bounds could miss a match. The full query is applied to what the index yields.
 */
function rangeLookup(range: NonNullable<FieldCondition['range']>): KeyLookup | undefined {
  const lowerValue = range.gt ?? range.gte;
  const upperValue = lowerValue === undefined ? (range.lt ?? range.lte) : undefined;
  const bound = (lowerValue ?? upperValue) as Value;
  const bracket = typeRange(bound);
  if (!bracket) return undefined;
  if (lowerValue !== undefined) {
    return {
      kind: 'range',
      lower: scalarKey(lowerValue),
      lowerInclusive: range.gt === undefined,
      upper: bracket.upper,
      upperInclusive: false,
    };
  }
  return {
    kind: 'range',
    lower: bracket.lower,
    lowerInclusive: true,
    upper: scalarKey(upperValue as Value),
    upperInclusive: range.lt === undefined,
  };
}

function planFor(index: IndexSpec, conditions: Map<string, FieldCondition>): { plan: Plan; score: number } | undefined {
  const fields = Object.keys(index.keys);
  let prefixes: string[] = [''];
  let matched = 0;
  for (const field of fields) {
    const eq = conditions.get(field)?.eq;
    if (!eq) break;
    if (index.sparse && eq.some((v) => v === null)) return undefined;
    const parts = [...new Set(eq.map((v) => scalarKey(v) as string))];
    prefixes = prefixes.flatMap((p) => parts.map((part) => (p ? `${p}${KEY_SEPARATOR}${part}` : part)));
    matched++;
    if (prefixes.length > 1000) return undefined;
  }
  if (matched > 0) {
    const complete = matched === fields.length;
    return {
      plan: { index, lookup: { kind: 'keys', keys: prefixes, prefix: !complete } },
      score: 2 + matched / fields.length + (complete && index.unique ? 1 : 0),
    };
  }
  const range = conditions.get(fields[0])?.range;
  if (!range || fields.length > 1) return undefined;
  const lookup = rangeLookup(range);
  return lookup ? { plan: { index, lookup }, score: 1 } : undefined;
}

/**
 * Picks the index that narrows a query most, or undefined when the query needs a scan. Of indexes that narrow it
 * equally, one ending in `sortField` (the query's one sort field) wins, so that an ordered read can use it and the
 * unordered read leaves ties as the ordered one does.
 */
export function choosePlan(query: Doc, indexes: IndexSpec[], sortField?: string): Plan | undefined {
  if (indexes.length === 0) return undefined;
  const conditions = new Map<string, FieldCondition>();
  collectConditions(query, conditions);
  let best: { plan: Plan; score: number } | undefined;
  const endsInSort = (index: IndexSpec) => {
    const fields = Object.keys(index.keys);
    return sortField !== undefined && fields[fields.length - 1] === sortField;
  };
  for (const index of indexes) {
    const candidate = planFor(index, conditions);
    if (!candidate) continue;
    const better =
      !best ||
      candidate.score > best.score ||
      (candidate.score === best.score && endsInSort(index) && !endsInSort(best.plan.index));
    if (better) best = candidate;
  }
  return best?.plan;
}

/** The one field a sort names, or undefined for no sort or a sort on several fields. */
export function soleSortField(order: Record<string, 1 | -1> | undefined): string | undefined {
  const fields = order ? Object.keys(order) : [];
  return fields.length === 1 ? fields[0] : undefined;
}

/**
 * A read in the query's sort order that can stop once it has `offset + limit` matches.
 *
 * - `index`: the query sorts on one field `field`, the last of a compound index whose other fields all have one
 *   equal value in the query, and `field` has a range condition: the index entries under that prefix and inside the
 *   range hold one type only (numbers, strings or dates), in the order mingo sorts them.
 * - `id`: the query sorts on `_id` alone: the candidate ids (all, or those of `base`) are sorted in memory, which is
 *   cheap next to reading documents, and read in that order.
 */
export type OrderedPlan =
  | {
      kind: 'index';
      index: IndexSpec;
      field: string;
      direction: 1 | -1;
      lower: string;
      lowerInclusive: boolean;
      upper: string;
      upperInclusive: boolean;
    }
  | {
      kind: 'id';
      direction: 1 | -1;
      base: Plan | undefined;
      range: FieldCondition['range'];
    };

/**
 * Characters at or above U+D800 order differently in UTF-16 (JavaScript, mingo) and UTF-8 (SQLite's index keys):
 * strings without them order alike.
 */
export const UTF16_ORDER_RISK = /[\uD800-\uFFFF]/;

/** Whether a read in `plan`'s index order leaves ties in the order `base` (the unordered plan) would yield them. */
function tiesMatchBase(index: IndexSpec, base: Plan | undefined): boolean {
  if (!base) return true; // a scan yields documents in _id order, as one index key's entries are.
  if (base.index.name === index.name) return true;
  return base.lookup.kind === 'keys' && !base.lookup.prefix && base.lookup.keys.length === 1;
}

export function chooseOrderedPlan(
  query: Doc,
  order: Record<string, 1 | -1>,
  indexes: IndexSpec[],
  base: Plan | undefined,
): OrderedPlan | undefined {
  const sortFields = Object.keys(order);
  if (sortFields.length !== 1) return undefined;
  const [field] = sortFields;
  const direction = order[field] === -1 ? -1 : 1;
  const conditions = new Map<string, FieldCondition>();
  collectConditions(query, conditions);
  if (field === '_id') {
    const range = conditions.get('_id')?.range;
    const stringBounds = range && Object.values(range).every((bound) => typeof bound === 'string');
    return { kind: 'id', direction, base, range: stringBounds ? range : undefined };
  }
  const range = conditions.get(field)?.range;
  if (!range) return undefined;
  const lookup = rangeLookup(range);
  if (!lookup || lookup.kind !== 'range' || lookup.lower === undefined || lookup.upper === undefined) return undefined;
  if (lookup.lower.startsWith('s') && (UTF16_ORDER_RISK.test(lookup.lower) || UTF16_ORDER_RISK.test(lookup.upper))) {
    return undefined;
  }
  for (const index of indexes) {
    const fields = Object.keys(index.keys);
    if (fields[fields.length - 1] !== field || !tiesMatchBase(index, base)) continue;
    const parts: string[] = [];
    for (const prefixField of fields.slice(0, -1)) {
      const eq = conditions.get(prefixField)?.eq;
      if (!eq || new Set(eq.map((v) => scalarKey(v))).size !== 1) break;
      const part = scalarKey(eq[0]) as string;
      if (part.includes(KEY_SEPARATOR) || part.includes('\u0000') || (index.sparse && eq[0] === null)) break;
      parts.push(part);
    }
    if (parts.length !== fields.length - 1) continue;
    const prefix = parts.map((part) => `${part}${KEY_SEPARATOR}`).join('');
    return {
      kind: 'index',
      index,
      field,
      direction,
      lower: prefix + lookup.lower,
      lowerInclusive: lookup.lowerInclusive,
      upper: prefix + lookup.upper,
      upperInclusive: lookup.upperInclusive,
    };
  }
  return undefined;
}
