import { pipeline } from 'node:stream/promises';
import type { RouteHandler } from 'wx-local-cloud';
import { type AppContext, requireSession } from '../context';
import { HttpError } from '../http';

export const FILE_PATH = '/api/file';

/**
 * `GET /api/file?id=<fileID>`: a file the signed-in person uploaded, for the browser to show. Anyone else's file is
 * not found here: a function hands those out as temporary URLs, as WeChat's private storage (仅创建者可读写) does.
 */
export function fileRoute(ctx: AppContext): RouteHandler {
  return async (req, res, url) => {
    if (url.pathname !== FILE_PATH) return false;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      throw new HttpError(405, 'METHOD_NOT_ALLOWED', { allow: 'GET, HEAD' });
    }
    const session = requireSession(ctx, req);
    const file = ctx.cloud.storage.describe(url.searchParams.get('id') ?? '');
    if (!file || file.owner !== session.openid) throw new HttpError(404, 'FILE_NOT_FOUND');
    res.writeHead(200, {
      'content-type': file.contentType,
      'content-length': file.size,
      'cache-control': 'private',
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; sandbox",
    });
    if (req.method === 'HEAD') res.end();
    else await pipeline(ctx.cloud.storage.read(file.fileID), res);
    return true;
  };
}
