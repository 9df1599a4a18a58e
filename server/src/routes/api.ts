import { INVOKE_ERRORS, type InvokeOutcome, type RouteHandler } from 'wx-local-cloud';
import { REQUEST_LIMITS } from '../../../types';
import { type AppContext, requireSession } from '../context';
import { HttpError, contentTypeOf, isPlainObject, parseJson, readLimited, sendJson } from '../http';

const FUNCTION_NAME = /^[a-z][a-z0-9]*$/;

function isCallResult(value: unknown): boolean {
  return isPlainObject(value) && typeof value.ok === 'boolean';
}

/** The event a function gets: exactly `{action, data}` of a JSON body, refused when it is not that shape. */
function eventOf(request: unknown): { action: string; data: Record<string, unknown> } {
  if (!isPlainObject(request) || typeof request.action !== 'string' || !request.action) {
    throw new HttpError(400, 'INVALID_INPUT');
  }
  if (request.data !== undefined && !isPlainObject(request.data)) throw new HttpError(400, 'INVALID_INPUT');
  // Whatever else the body carries (an `openid`, say) never reaches the function.
  return { action: request.action, data: request.data ?? {} };
}

/** A function's failure in the runner as the app's client reads it. */
function failure(outcome: InvokeOutcome & { ok: false }): HttpError {
  if (outcome.errCode === INVOKE_ERRORS.notFound) return new HttpError(404, 'UNKNOWN_FUNCTION');
  if (outcome.errCode === INVOKE_ERRORS.invalidParam) return new HttpError(413, 'REQUEST_TOO_LARGE');
  return new HttpError(502, 'INTERNAL');
}

/**
 * `POST /api/<function>` with `{action, data}`: the function runs as the signed-in person. Everything about the
 * request is checked before anything reaches a function — the name, the method, the session, the origin, the
 * content type, the size, UTF-8, the nesting and the shape — and each refusal says which.
 */
export function apiRoute(ctx: AppContext): RouteHandler {
  return async (req, res, url) => {
    if (url.pathname !== '/api' && !url.pathname.startsWith('/api/')) return false;
    const name = url.pathname.slice('/api/'.length);
    if (!FUNCTION_NAME.test(name) || !ctx.cloud.runner.has(name)) throw new HttpError(404, 'UNKNOWN_FUNCTION');
    if (req.method !== 'POST') throw new HttpError(405, 'METHOD_NOT_ALLOWED', { allow: 'POST' });
    const session = requireSession(ctx, req);
    if (contentTypeOf(req) !== 'application/json') throw new HttpError(415, 'NOT_JSON');
    const event = eventOf(parseJson(await readLimited(req, REQUEST_LIMITS.maxBytes)));
    const who = `${name}.${event.action} as ${session.openid}`;
    let outcome: InvokeOutcome;
    try {
      ({ outcome } = await ctx.cloud.invoke(name, event, { openid: session.openid, appid: ctx.appid }));
    } catch (error) {
      ctx.log(`[api] ${who} could not run: ${String(error)}`);
      throw new HttpError(502, 'INTERNAL');
    }
    if (!outcome.ok) {
      ctx.log(`[api] ${who} failed: ${outcome.errCode} ${outcome.errMsg}`);
      throw failure(outcome);
    }
    if (!isCallResult(outcome.result)) {
      ctx.log(`[api] ${who} answered something that is not a CallResult`);
      throw new HttpError(502, 'INTERNAL');
    }
    sendJson(res, 200, outcome.result);
    return true;
  };
}
