import { existsSync, readFileSync } from 'node:fs';
import type { RouteHandler } from 'wx-local-cloud';
import { type AppContext, sendNotFound } from '../context';
import { send } from '../http';
import { serveStatic } from '../static';

/** First path segments the app never serves files under: the cloud's own routes live on its loopback server. */
const RESERVED_SEGMENTS = new Set(['api', 'dev', '_dev', 'admin', 'storage']);

export interface FilesOptions {
  /** The H5 build served at /. */
  h5Dir: string;
  /** The icon browsers ask for at /favicon.ico (a PNG). */
  faviconFile: string;
}

/**
 * What browsers load: the signed file downloads of the cloud's storage (temporary URLs point here), the icon, and the
 * H5 build; the cloud's own addresses (/admin, /_dev, storage uploads) are not here, and answer the 404 page.
 */
export function filesRoute(ctx: AppContext, options: FilesOptions): RouteHandler {
  const favicon = existsSync(options.faviconFile) ? readFileSync(options.faviconFile) : null;
  return async (req, res, url) => {
    const readOnly = req.method === 'GET' || req.method === 'HEAD';
    if (readOnly && url.pathname.startsWith('/storage/download/')) return ctx.cloud.serveDownload(req, res, url);
    if (readOnly && url.pathname === '/favicon.ico' && favicon) {
      send(res, 200, req.method === 'HEAD' ? '' : favicon, {
        'content-type': 'image/png',
        'content-length': String(favicon.length),
        'cache-control': 'public, max-age=86400',
      });
      return true;
    }
    const first = url.pathname.split('/')[1] ?? '';
    if (!readOnly || RESERVED_SEGMENTS.has(first)) {
      sendNotFound(ctx, res);
      return true;
    }
    return serveStatic(req, res, url, { root: options.h5Dir });
  };
}
