/** Limits of a member's registration: the form checks them before sending, the function checks them again. */
export const REGISTRATION_LIMITS = {
  nameMin: 2,
  nameMax: 20,
  pledgeMin: 4,
  pledgeMax: 60,
  skillsMax: 8,
  skillMaxChars: 12,
} as const;

/** A mainland mobile number, 11 digits. */
export const MOBILE_PHONE = /^1[3-9]\d{9}$/;

/** The request nesting and size every entry point refuses beyond, before any work (JSON depth counts objects and arrays). */
export const REQUEST_LIMITS = {
  maxDepth: 32,
  maxBytes: 1024 * 1024,
} as const;
