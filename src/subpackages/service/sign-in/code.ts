import { parseCode } from '../../../../domain/sign-in-code';
import { decodeScene } from '../../../utils/scene';

/** The activity sign-in code in what opened the page or a scanner read (the bare code or its URL, also URL-encoded). */
export function signInCodeIn(text: string | undefined | null): string | null {
  const decoded = decodeScene(text);
  if (!decoded) return null;
  const code = parseCode(decoded);
  return code ? `${code.activityId}.${code.step}.${code.mac}` : null;
}
