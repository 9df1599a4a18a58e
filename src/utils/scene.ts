import { CHECK_IN_PAGE } from '../../types';
import { checkInUrl } from '../routes';

/** Decodes a QR `scene` (iOS hands it over URL-encoded, Android raw; decoding twice is harmless for our codes). */
export function decodeScene(raw: string | undefined | null): string {
  if (!raw) return '';
  let value = String(raw);
  for (let i = 0; i < 2 && /%[0-9A-Fa-f]{2}/.test(value); i += 1) {
    try {
      value = decodeURIComponent(value);
    } catch {
      break;
    }
  }
  return value.trim();
}

/**
 * Turns what the scanner returned into the check-in page URL to open, or null when it is not a community code.
 * `path` is set for this mini-program's own codes (`pages/check-in/index?scene=C01`); `result` may be a browser URL
 * (`https://…/#/pages/check-in/index?scene=C01`).
 */
export function checkInUrlFromScan(path: string | undefined, result: string | undefined): string | null {
  for (const candidate of [path, result]) {
    if (!candidate) continue;
    const at = candidate.indexOf(CHECK_IN_PAGE);
    if (at < 0) continue;
    const query = candidate.slice(at + CHECK_IN_PAGE.length).split('?')[1] ?? '';
    const params = new Map(
      query
        .split('&')
        .filter(Boolean)
        .map((pair) => {
          const [k, v = ''] = pair.split('=');
          return [k, v] as const;
        }),
    );
    const community = decodeScene(params.get('scene') || params.get('communityId'));
    if (community) return checkInUrl(community);
  }
  return null;
}
