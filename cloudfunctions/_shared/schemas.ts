import { z } from 'zod';

/** Actions that take nothing: any extra field is refused. */
export const noInput = z.strictObject({});

/** A document id as the app passes it (also valid as a mini-program code `scene`). */
export function documentId(message: string) {
  return z.string({ error: message }).regex(/^[0-9A-Za-z_-]{1,64}$/, { error: message });
}
