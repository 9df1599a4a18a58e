import { parseCode } from '../../../domain/sign-in-code';
import { ROUTES } from '../../routes';
import { decodeScene } from '../../utils/scene';

/** The activity sign-in code in what a scanner read (the bare code or its URL, also URL-encoded), or null. */
export function signInCodeIn(text: string | undefined | null): string | null {
  const decoded = decodeScene(text);
  if (!decoded) return null;
  const code = parseCode(decoded);
  return code ? `${code.activityId}.${code.step}.${code.mac}` : null;
}

/** The sign-in page for a code the app's own scanner read, or null when it is not a sign-in code. */
export function signInPageFromScan(text: string | undefined | null): string | null {
  const code = signInCodeIn(text);
  return code ? `${ROUTES.signIn.path}?c=${encodeURIComponent(code)}` : null;
}
