import { type Doc, type Value, isPlainObject } from '../ejson';

const LOGICAL = new Set(['$and', '$or', '$nor']);

function isOperatorObject(value: Doc): boolean {
  const keys = Object.keys(value);
  return keys.length > 0 && keys.every((k) => k.startsWith('$'));
}

function flattenInto(prefix: string, value: Value, out: Doc): void {
  if (isPlainObject(value) && !isOperatorObject(value) && Object.keys(value).length > 0) {
    for (const [key, inner] of Object.entries(value)) flattenInto(`${prefix}.${key}`, inner, out);
    return;
  }
  out[prefix] = normaliseCondition(value);
}

function normaliseCondition(value: Value): Value {
  if (!isPlainObject(value) || !isOperatorObject(value)) return value;
  const out: Doc = {};
  for (const [op, operand] of Object.entries(value)) {
    out[op] =
      op === '$elemMatch' && isPlainObject(operand) && !isOperatorObject(operand) ? toMongoQuery(operand) : operand;
  }
  return out;
}

/**
 * WeChat matches an object value in `where` by its dot paths (`{style: {color: 'red'}}` ≡ `{'style.color': 'red'}`),
 * where MongoDB would demand an identical sub-document. `_.eq(obj)` arrives as `$eq` and keeps exact equality.
 */
export function toMongoQuery(query: Doc): Doc {
  const out: Doc = {};
  for (const [key, value] of Object.entries(query)) {
    if (LOGICAL.has(key) && Array.isArray(value)) {
      out[key] = value.map((part) => (isPlainObject(part) ? toMongoQuery(part) : part));
    } else if (key.startsWith('$')) {
      out[key] = value;
    } else {
      flattenInto(key, value, out);
    }
  }
  return out;
}

/** A plain update object changes only the named sub-fields: turn it into `$set` on dot paths. */
export function toMongoUpdate(data: Doc): Doc {
  const update: Doc = {};
  const set: Doc = {};
  for (const [key, value] of Object.entries(data)) {
    if (key.startsWith('$')) update[key] = value;
    else flattenSet(key, value, set);
  }
  if (Object.keys(set).length > 0) {
    update.$set = { ...(isPlainObject(update.$set) ? update.$set : {}), ...set };
  }
  return update;
}

function flattenSet(prefix: string, value: Value, out: Doc): void {
  if (isPlainObject(value) && Object.keys(value).length > 0 && !Object.keys(value).some((k) => k.startsWith('$'))) {
    for (const [key, inner] of Object.entries(value)) flattenSet(`${prefix}.${key}`, inner, out);
    return;
  }
  out[prefix] = value;
}
