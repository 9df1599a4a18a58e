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

/** Limits of a resident's profile and requests: the forms check them before sending, the functions check them again. */
export const ORDER_LIMITS = {
  nameMin: 2,
  nameMax: 20,
  compoundMax: 30,
  /** 楼栋、单元、房号 each. */
  doorPartMax: 12,
  textMin: 4,
  textMax: 300,
  photosMax: 3,
  doneNoteMax: 300,
  donePhotosMax: 9,
  reasonMax: 100,
  commentMax: 200,
  /** The furthest ahead a request may be wanted. */
  wantedMaxDays: 90,
  /** Published and untaken this long: escalated to staff. */
  untakenHours: 48,
} as const;
