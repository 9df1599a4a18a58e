/*
 * What people type, made plain the way user.register makes it (cloudfunctions/_shared/text.ts): the form checks the
 * same, so registerForm.test.ts fails if the two drift apart.
 */

/** Control and format characters (e.g. U+202E, U+200B) and lone surrogates: invisible, or half a character. */
const HIDDEN_CHARACTERS = /[\p{Cc}\p{Cf}\p{Cs}]/u;

/** Trimmed and in one Unicode form (NFC), as the function stores it. */
export function plainText(typed: string): string {
  return typed.trim().normalize('NFC');
}

export function hasHiddenCharacters(text: string): boolean {
  return HIDDEN_CHARACTERS.test(text);
}

/** Characters people put between the digits of a phone number: spaces, dashes, brackets. */
const PHONE_SEPARATORS = /[\s\p{Pd}()]/gu;
const COUNTRY_CODE = /^(?:\+|00)?86(1\d{10})$/;

/** 「+86 138-1234 1234」 or full-width digits → 13812341234; anything else is left for the check to refuse. */
export function plainPhoneNumber(typed: string): string {
  const digits = typed.normalize('NFKC').replace(PHONE_SEPARATORS, '');
  return COUNTRY_CODE.exec(digits)?.[1] ?? digits;
}

/** Characters as people count them (a character outside the BMP is one, not two). */
export function charCount(text: string): number {
  return [...text].length;
}
