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

/** Picks the index that narrows a query most, or undefined when the query needs a scan. */
export function choosePlan(query: Doc, indexes: IndexSpec[]): Plan | undefined {
  if (indexes.length === 0) return undefined;
  const conditions = new Map<string, FieldCondition>();
  collectConditions(query, conditions);
  let best: { plan: Plan; score: number } | undefined;
  for (const index of indexes) {
    const candidate = planFor(index, conditions);
    if (candidate && (!best || candidate.score > best.score)) best = candidate;
  }
  return best?.plan;
}
