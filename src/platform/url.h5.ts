import { ROUTES } from '../routes';

/** The page path of a hash-router address (`#/pages/x/index?a=1` → `/pages/x/index`). */
function hashPath(hash: string): string {
  return hash.replace(/^#/, '').split('?')[0];
}

function isMalformed(): boolean {
  try {
    decodeURI(hashPath(window.location.hash));
    return false;
  } catch {
    return true;
  }
}

function repair(): void {
  if (isMalformed()) window.history.replaceState(window.history.state, '', `/#${ROUTES.notFound.path}`);
}

/**
 * Browser: Taro's router and tab bar call decodeURI on the page path and throw an uncaught URIError for an address
 * like `/#/%%%`. Called before the router starts (app.ts runs first), and on every address change before the router's
 * own listeners (registered later), this turns such an address into the 页面不存在 page.
 */
export function repairMalformedUrl(): void {
  repair();
  window.addEventListener('popstate', repair);
  window.addEventListener('hashchange', repair);
}
