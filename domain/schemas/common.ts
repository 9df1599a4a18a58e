import * as v from 'valibot';
import type { ActionName, FunctionName, RequestOf } from '../../types/api';
import { charCount, hasHiddenCharacters } from '../text';

/** Each action of a function with the schema of its request: a missing action, or a schema of another shape, fails to compile. */
export type InputTable<F extends FunctionName> = { [A in ActionName<F>]: v.GenericSchema<unknown, RequestOf<F, A>> };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const OPTIONAL_TYPES: readonly string[] = ['optional', 'exact_optional', 'nullish'];

/**
 * A request: an object (not an array) with exactly these fields. A missing field is checked as `undefined`, so it is
 * refused with the field's own message (valibot alone would say only that the object lacks a key).
 */
export function request<const E extends v.ObjectEntries>(entries: E) {
  const required = Object.keys(entries).filter((key) => !OPTIONAL_TYPES.includes(entries[key].type));
  return v.pipe(
    v.custom<Record<string, unknown>>(isRecord),
    v.transform((value) => ({ ...Object.fromEntries(required.map((key) => [key, undefined])), ...value })),
    v.strictObject(entries),
  );
}

/** Actions that take nothing: any extra field is refused. */
export const noInput = request({});

/** A document id as the app passes it (also valid as a mini-program code `scene`); `message` is said when it is not one. */
export function documentId(message: string) {
  return v.pipe(v.string(message), v.regex(/^[0-9A-Za-z_-]{1,64}$/, message));
}

/**
 * Text a person typed, trimmed and in one Unicode form (NFC), refused when it holds a hidden character
 * (domain/text.ts); `what` names the field in the message.
 */
export function typedText(what: string, requiredMessage: string) {
  return v.pipe(
    v.string(requiredMessage),
    v.trim(),
    v.normalize('NFC'),
    v.check((text: string) => !hasHiddenCharacters(text), `${what}中有看不见的特殊字符，请删除后重新填写`),
  );
}

/** At least `min` characters as people count them (domain/text.ts), as the form counts them. */
export function minChars(min: number, message: string) {
  return v.check((text: string) => charCount(text) >= min, message);
}

/** At most `max` characters as people count them (domain/text.ts), as the form counts them. */
export function maxChars(max: number, message: string) {
  return v.check((text: string) => charCount(text) <= max, message);
}

/**
 * A list of at most `max` items, each checked by `item`; a longer list is refused for its length alone, before any
 * item is read. `message` is said when it is not a list at all.
 */
export function list<TItem extends v.GenericSchema>(item: TItem, message: string, max: number, tooMany: string) {
  return v.pipe(v.array(v.unknown(), message), v.maxLength(max, tooMany), v.array(item, message));
}
