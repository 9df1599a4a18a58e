import { INVOKE_ERRORS, type InvokeOutcome, type RouteHandler, parseJsonBody } from 'wx-local-cloud';
import { REQUEST_LIMITS } from '../../../types';
import { type AppContext, currentSession, isSameOrigin } from '../context';
import { contentTypeOf, isPlainObject, readLimited, sendError, sendJson } from '../http';

const FUNCTION_NAME = /^[a-z][a-z0-9]*$/;

function isCallResult(value: unknown): boolean {
  return isPlainObject(value) && typeof value.ok === 'boolean';
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
    if (!FUNCTION_NAME.test(name) || !ctx.cloud.runner.has(name)) {
      sendError(res, 404, 'UNKNOWN_FUNCTION');
      return true;
    }
    if (req.method !== 'POST') {
      sendError(res, 405, 'METHOD_NOT_ALLOWED', { allow: 'POST' });
      return true;
    }
    const session = currentSession(ctx, req);
    if (!session) {
      sendError(res, 401, 'NOT_SIGNED_IN');
      return true;
    }
    if (!isSameOrigin(ctx, req)) {
      sendError(res, 403, 'FORBIDDEN');
      return true;
    }
    if (contentTypeOf(req) !== 'application/json') {
      sendError(res, 415, 'NOT_JSON');
      return true;
    }
    const body = await readLimited(req, res, REQUEST_LIMITS.maxBytes);
    if (!body) return true;
    const parsed = parseJsonBody(body, REQUEST_LIMITS.maxDepth);
    if (!parsed.ok) {
      if (parsed.problem === 'tooDeep') sendError(res, 413, 'REQUEST_TOO_LARGE');
      else sendError(res, 400, 'NOT_JSON');
      return true;
    }
    const request = parsed.value;
    if (!isPlainObject(request) || typeof request.action !== 'string' || !request.action) {
      sendError(res, 400, 'INVALID_INPUT');
      return true;
    }
    if (request.data !== undefined && !isPlainObject(request.data)) {
      sendError(res, 400, 'INVALID_INPUT');
      return true;
    }
    // The event is exactly {action, data}: whatever else the body carries (an `openid`, say) never reaches the function.
    const event = { action: request.action, data: request.data ?? {} };
    const who = `${name}.${event.action} as ${session.openid}`;
    let outcome: InvokeOutcome;
    try {
      ({ outcome } = await ctx.cloud.invoke(name, event, { openid: session.openid, appid: ctx.appid }));
    } catch (error) {
      ctx.log(`[api] ${who} could not run: ${String(error)}`);
      sendError(res, 502, 'INTERNAL');
      return true;
    }
    if (!outcome.ok) {
      ctx.log(`[api] ${who} failed: ${outcome.errCode} ${outcome.errMsg}`);
      if (outcome.errCode === INVOKE_ERRORS.notFound) sendError(res, 404, 'UNKNOWN_FUNCTION');
      else if (outcome.errCode === INVOKE_ERRORS.invalidParam) sendError(res, 413, 'REQUEST_TOO_LARGE');
      else sendError(res, 502, 'INTERNAL');
      return true;
    }
    if (!isCallResult(outcome.result)) {
      ctx.log(`[api] ${who} answered something that is not a CallResult`);
      sendError(res, 502, 'INTERNAL');
      return true;
    }
    sendJson(res, 200, outcome.result);
    return true;
  };
}
