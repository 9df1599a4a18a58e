import { randomBytes } from 'node:crypto';
import type { RouteHandler } from 'wx-local-cloud';
import { SIGN_IN_PAGE, SIGN_IN_URL_PATH } from '../../../types';
import { type AppContext, currentSession } from '../context';
import { HttpError, isPlainObject, redirect } from '../http';

/** The H5 app's sign-in page with this query. */
const signInPage = (query: string) => `/#/${SIGN_IN_PAGE}?${query}`;

/** The held code's id when `activity.holdCode` took the code (as a throwaway visitor), else null. */
async function holdCode(ctx: AppContext, code: string): Promise<string | null> {
  const visitor = `visitor-${randomBytes(12).toString('hex')}`;
  try {
    const { outcome } = await ctx.cloud.invoke(
      'activity',
      { action: 'holdCode', data: { code } },
      { openid: visitor, appid: ctx.appid },
    );
    if (!outcome.ok || !isPlainObject(outcome.result) || outcome.result.ok !== true) return null;
    const data = outcome.result.data;
    return isPlainObject(data) && typeof data.holdId === 'string' ? data.holdId : null;
  } catch (error) {
    ctx.log(`[qd] activity.holdCode could not run: ${String(error)}`);
    return null;
  }
}

/**
 * `GET /qd?c=<code>`: what a phone's camera opens from an activity's sign-in code (the browser's stand-in for WeChat
 * opening the mini-program's sign-in page with the URL as `q`). Signed in: on to the sign-in page with the whole URL.
 * Not signed in: the code is held (it would expire while the person signs in) and the sign-in comes first, then the
 * sign-in page redeems the hold. A code the function refuses goes to the sign-in page as it is, which says why.
 */
export function signInUrlRoute(ctx: AppContext): RouteHandler {
  return async (req, res, url) => {
    if (url.pathname !== SIGN_IN_URL_PATH) return false;
    if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, 'METHOD_NOT_ALLOWED', { allow: 'GET' });
    const code = url.searchParams.get('c') ?? '';
    const scanned = `http://${req.headers.host ?? 'localhost'}${SIGN_IN_URL_PATH}?c=${encodeURIComponent(code)}`;
    const withQ = signInPage(`q=${encodeURIComponent(scanned)}`);
    if (currentSession(ctx, req)) {
      redirect(res, withQ);
      return true;
    }
    const holdId = code && req.method === 'GET' ? await holdCode(ctx, code) : null;
    // A refused code: the sign-in page (after signing in) says why.
    redirect(
      res,
      holdId ? `/dev/login?next=${encodeURIComponent(signInPage(`hold=${encodeURIComponent(holdId)}`))}` : withQ,
    );
    return true;
  };
}
