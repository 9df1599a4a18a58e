/**
 * Nesting limits checked before any work: V8 parses deep JSON fine, but structured cloning (a worker's postMessage)
 * and JSON.stringify recurse, and a few thousand levels overflow the stack. Depth counts objects and arrays.
 */

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;

/** True when a JSON text nests objects and arrays deeper than `maxDepth`; scans the text once, without parsing it. */
export function jsonTextTooDeep(text: string, maxDepth: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === BACKSLASH) i++;
      else if (ch === QUOTE) inString = false;
    } else if (ch === QUOTE) {
      inString = true;
    } else if (ch === OPEN_BRACE || ch === OPEN_BRACKET) {
      if (++depth > maxDepth) return true;
    } else if (ch === CLOSE_BRACE || ch === CLOSE_BRACKET) {
      depth--;
    }
  }
  return false;
}

/** True when a value nests objects and arrays deeper than `maxDepth` (walked without recursion; stops at the limit). */
export function valueTooDeep(value: unknown, maxDepth: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [item, depth] = stack.pop() as [unknown, number];
    if (typeof item !== 'object' || item === null) continue;
    if (depth + 1 > maxDepth) return true;
    for (const child of Object.values(item)) stack.push([child, depth + 1]);
  }
  return false;
}

export type JsonBody = { ok: true; value: unknown } | { ok: false; problem: 'notUtf8' | 'notJson' | 'tooDeep' };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** A request body as JSON: refused when it is not valid UTF-8, nests deeper than `maxDepth`, or is not JSON. */
export function parseJsonBody(body: Uint8Array, maxDepth: number): JsonBody {
  let text: string;
  try {
    text = utf8.decode(body);
  } catch {
    return { ok: false, problem: 'notUtf8' };
  }
  if (jsonTextTooDeep(text, maxDepth)) return { ok: false, problem: 'tooDeep' };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, problem: 'notJson' };
  }
}
