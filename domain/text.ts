/*
 * What people type, made plain: one definition read by the registration form and by user.register, so that the form
 * refuses exactly what the function refuses.
 */

/**
 * Characters a person cannot see or that break text: control and format characters (Unicode Cc, Cf — e.g. the
 * right-to-left override U+202E that makes a name read backwards, the zero-width space U+200B that makes two equal
 * names differ) and lone surrogates (Cs: half of a character, which the `u` flag matches on their own).
 */
const HIDDEN_CHARACTERS = /[\p{Cc}\p{Cf}\p{Cs}]/u;

/** Trimmed and in one Unicode form (NFC, so that the same name typed two ways is one name). */
export function plainText(typed: string): string {
  return typed.trim().normalize('NFC');
}

export function hasHiddenCharacters(text: string): boolean {
  return HIDDEN_CHARACTERS.test(text);
}

/** Characters people put between the digits of a phone number: spaces, dashes, brackets. */
const PHONE_SEPARATORS = /[\s\p{Pd}()]/gu;
const COUNTRY_CODE = /^(?:\+|00)?86(1\d{10})$/;

/**
 * A phone number as people type it, made plain: full-width digits become ASCII (NFKC), separators go, and a leading
 * +86 / 0086 / 86 before 11 digits is dropped. Anything else is left for the caller's check to refuse.
 */
export function plainPhoneNumber(typed: string): string {
  const digits = typed.normalize('NFKC').replace(PHONE_SEPARATORS, '');
  return COUNTRY_CODE.exec(digits)?.[1] ?? digits;
}

/** Characters as people count them (a character outside the BMP is one, not two). */
export function charCount(text: string): number {
  return [...text].length;
}
