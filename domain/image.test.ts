import { IMAGE_SNIFF_BYTES, imageTypeOf } from './image';

const bytes = (...parts: Array<number[] | string>) =>
  Uint8Array.from(parts.flatMap((part) => (typeof part === 'string' ? [...part].map((c) => c.charCodeAt(0)) : part)));

test.each([
  ['a JPEG', bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0x10], 'JFIF', [0, 1]), 'image/jpeg'],
  ['a PNG', bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), 'image/png'],
  ['a WebP', bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 '), 'image/webp'],
])('%s is known by its first bytes', (_what, head, type) => {
  expect(head.length).toBeGreaterThanOrEqual(IMAGE_SNIFF_BYTES);
  expect(imageTypeOf(head)).toBe(type);
});

test.each([
  ['a GIF', bytes('GIF89a', [1, 0, 1, 0, 0, 0])],
  ['an SVG (it can carry script)', bytes('<svg xmlns="')],
  ['HTML', bytes('<!doctype html>')],
  ['a RIFF that is not WebP (a WAV)', bytes('RIFF', [0x24, 0, 0, 0], 'WAVEfmt ')],
  ['a truncated PNG signature', bytes([0x89], 'PNG')],
  ['nothing', bytes()],
])('%s is not an image a person may upload', (_what, head) => {
  expect(imageTypeOf(head)).toBeNull();
});
