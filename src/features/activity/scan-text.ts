import { SIGN_IN_URL_PATH } from '../../../types';
import { ROUTES } from '../../routes';
import { decodeScene } from '../../utils/scene';

/**
 * Whether a scanner read an activity's sign-in code (its URL, or the bare `<activity>.<step>.<mac>`). Only the shape:
 * the sign-in page reads the code itself (domain/sign-in-code.ts, which 首页 does not load: the hashing stays out of
 * the main package).
 */
export function looksLikeSignInCode(text: string): boolean {
  return text.includes(`${SIGN_IN_URL_PATH}?c=`) || /^[\w-]{1,64}\.\d{1,12}\.[0-9a-f]{16}$/.test(text);
}

/** The sign-in page for what the app's own scanner read, or null when it is not a sign-in code. */
export function signInPageFromScan(text: string | undefined | null): string | null {
  const decoded = decodeScene(text);
  return decoded && looksLikeSignInCode(decoded) ? `${ROUTES.signIn.path}?q=${encodeURIComponent(decoded)}` : null;
}
