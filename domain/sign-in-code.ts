import { hmac } from '@noble/hashes/hmac';
import { sha256 } from '@noble/hashes/sha256';
import { bytesToHex, hexToBytes, utf8ToBytes } from '@noble/hashes/utils';

/**
 * An activity's rotating sign-in code: `<activityId>.<step>.<mac>`, where the step is the number of code periods since
 * the epoch and the MAC is HMAC-SHA256 of `<activityId>.<step>` under the activity's secret, cut to 8 bytes (16 hex
 * digits). The staff phone draws it from the secret alone; the server accepts the current and the previous step.
 */
export interface SignInCode {
  activityId: string;
  step: number;
  mac: string;
}

const MAC_BYTES = 8;
const CODE = /^([0-9A-Za-z_-]{1,64})\.(\d{1,12})\.([0-9a-f]{16})$/;

export function codeStep(at: number, codeSeconds: number): number {
  return Math.floor(at / (codeSeconds * 1000));
}

/** When a step's code starts being shown. */
export function stepStartsAt(step: number, codeSeconds: number): number {
  return step * codeSeconds * 1000;
}

function macOf(activityId: string, step: number, secretHex: string): string {
  const full = hmac(sha256, hexToBytes(secretHex), utf8ToBytes(`${activityId}.${step}`));
  return bytesToHex(full.slice(0, MAC_BYTES));
}

export function makeCode(activityId: string, step: number, secretHex: string): string {
  return `${activityId}.${step}.${macOf(activityId, step, secretHex)}`;
}

/** The code's parts, from the bare code or from the URL that carries it as `c` (also inside WeChat's `q`); else null. */
export function parseCode(text: string): SignInCode | null {
  let candidate = text.trim();
  const query = candidate.indexOf('?');
  if (query >= 0) {
    const params = new URLSearchParams(candidate.slice(query + 1));
    candidate = params.get('c') ?? '';
  }
  const match = CODE.exec(candidate);
  if (!match) return null;
  return { activityId: match[1], step: Number(match[2]), mac: match[3] };
}

/** Whether the MAC is right for the code's activity and step (compared in constant time). */
export function macMatches(code: SignInCode, secretHex: string): boolean {
  const expected = hexToBytes(macOf(code.activityId, code.step, secretHex));
  const given = hexToBytes(code.mac);
  let difference = expected.length ^ given.length;
  for (let i = 0; i < expected.length; i++) difference |= expected[i] ^ (given[i] ?? 0);
  return difference === 0;
}

/** The URL the QR carries: WeChat opens the sign-in page with it once the prefix is registered. */
export function signInUrl(prefix: string, code: string): string {
  return `${prefix.replace(/\/+$/, '')}?c=${code}`;
}
