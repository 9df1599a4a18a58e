// Browser transport: the app server answers POST /api/<function> with the function's CallResult.
import type { CallResult } from '../../types';
import { ApiError } from './errors';

export async function send(fn: string, event: { action: string; data: unknown }): Promise<CallResult<unknown>> {
  const res = await fetch('/api/' + fn, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    credentials: 'same-origin',
    body: JSON.stringify(event),
  });
  if (res.status === 401) {
    // The sign-in page accepts only a path on this server; the hash carries the page and its scene.
    const { pathname, search, hash } = window.location;
    window.location.href = '/dev/login?next=' + encodeURIComponent(pathname + search + hash);
    throw new ApiError('NOT_SIGNED_IN');
  }
  try {
    return (await res.json()) as CallResult<unknown>;
  } catch {
    throw new ApiError('INTERNAL');
  }
}
