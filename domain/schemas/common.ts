import * as z from 'zod/mini';
import type { ActionName, FunctionName, RequestOf } from '../../types/api';
import { hasHiddenCharacters } from '../text';

/** Each action of a function with the schema of its request: a missing action, or a schema of another shape, fails to compile. */
export type InputTable<F extends FunctionName> = { [A in ActionName<F>]: z.core.$ZodType<RequestOf<F, A>> };

/** Actions that take nothing: any extra field is refused. */
export const noInput = z.strictObject({});

/** A document id as the app passes it (also valid as a mini-program code `scene`); `message` is said when it is not one. */
export function documentId(message: string) {
  return z.string({ error: message }).check(z.regex(/^[0-9A-Za-z_-]{1,64}$/, { error: message }));
}

/**
 * Text a person typed, trimmed and in one Unicode form (NFC), refused when it holds a hidden character
 * (domain/text.ts); `what` names the field in the message.
 */
export function typedText(what: string, requiredMessage: string) {
  return z.string({ error: requiredMessage }).check(
    z.trim(),
    z.normalize('NFC'),
    z.refine((text: string) => !hasHiddenCharacters(text), { error: `${what}中有看不见的特殊字符，请删除后重新填写` }),
  );
}
