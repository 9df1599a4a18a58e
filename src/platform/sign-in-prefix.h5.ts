import { SIGN_IN_URL_PATH } from '../../types';

/** Browser: this server's own sign-in address, which sends the person on to the sign-in page. */
export function signInUrlPrefix(): string {
  return `${window.location.origin}${SIGN_IN_URL_PATH}`;
}
