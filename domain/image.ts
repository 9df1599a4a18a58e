/**
 * The images a person may upload (photos of service, say), told by their first bytes — never by a file name or a
 * declared type, which the sender chooses. The app server checks an upload with it; a function checks a file it is
 * handed the same way, after downloading it.
 */
export const IMAGE_TYPES = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
} as const;

export type ImageType = keyof typeof IMAGE_TYPES;

/** How many of the first bytes imageTypeOf needs. */
export const IMAGE_SNIFF_BYTES = 12;

/** The largest image a person may upload. */
export const MAX_IMAGE_BYTES = 10 * 1024 * 1024;

const startsWith = (bytes: Uint8Array, at: number, expected: readonly number[]) =>
  expected.every((byte, i) => bytes[at + i] === byte);

const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

/** The type of an image by its first bytes (JPEG, PNG or WebP), or null when it is none of them. */
export function imageTypeOf(head: Uint8Array): ImageType | null {
  if (startsWith(head, 0, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(head, 0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(head, 0, ascii('RIFF')) && startsWith(head, 8, ascii('WEBP'))) return 'image/webp';
  return null;
}
