import { z } from 'zod';
import { hasHiddenCharacters } from '../../domain/text';

/**
 * Text a person typed, trimmed and in one Unicode form (NFC), refused when it holds a hidden character (types/text.ts);
 * `what` names the field in the message.
 */
export function typedText(what: string, requiredMessage: string) {
  return z
    .string({ error: requiredMessage })
    .trim()
    .normalize('NFC')
    .refine((text) => !hasHiddenCharacters(text), {
      error: `${what}中有看不见的特殊字符，请删除后重新填写`,
    });
}
