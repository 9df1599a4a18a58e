import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { appPageCsp } from './app-page-csp';
import { escapeHtml } from './html';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.eot': 'application/vnd.ms-fontobject',
  '.wasm': 'application/wasm',
  '.mp3': 'audio/mpeg',
  '.mp4': 'video/mp4',
};

/** Text files worth compressing; images and fonts are compressed already. */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.map', '.txt', '.xml', '.svg', '.webmanifest']);
const gzipped = new Map<string, Buffer>();

/** The file gzipped once per version (keyed by path and ETag) and kept in memory: the build is small. */
function gzippedFile(file: string, etag: string): Buffer {
  const key = `${file}\0${etag}`;
  let body = gzipped.get(key);
  if (!body) {
    body = gzipSync(readFileSync(file), { level: 9 });
    gzipped.set(key, body);
  }
  return body;
}

const policies = new Map<string, string>();

/** The page's Content-Security-Policy, worked out once per version of the file (keyed like the gzip cache). */
function pagePolicy(file: string, etag: string): string {
  const key = `${file}\0${etag}`;
  let policy = policies.get(key);
  if (!policy) {
    policy = appPageCsp(readFileSync(file, 'utf8'));
    policies.set(key, policy);
  }
  return policy;
}

/** A file name carrying a content hash (app.3f9a1c2b.js): it never changes, so browsers may keep it. */
const HASHED_NAME = /[.-][0-9a-f]{8,}\.[a-z0-9]+$/i;

const NOT_FOUND = '找不到这个文件';

export interface StaticOptions {
  root: string;
}

/**
 * Serves the H5 build: `/` is index.html; files by path under the root only (no `..`, no dot files, no directories);
 * an extension-less path a browser navigates to falls back to index.html (the app's own router decides). index.html
 * and other files revalidate (`no-cache` with an ETag); hashed assets are cached for a year; text is sent gzipped to
 * browsers that accept it.
 */
export function serveStatic(req: IncomingMessage, res: ServerResponse, url: URL, options: StaticOptions): boolean {
  const root = resolve(options.root);
  const index = resolve(root, 'index.html');
  if (!existsSync(index)) {
    if (url.pathname === '/' || url.pathname === '/index.html') {
      sendMissingBuild(req, res, root);
      return true;
    }
    return false;
  }
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    sendText(res, 400, '这个地址无法识别');
    return true;
  }
  const segments = path.split(/[/\\]+/).filter(Boolean);
  if (path.includes('\0') || segments.some((segment) => segment === '..' || segment.startsWith('.'))) {
    sendText(res, 404, NOT_FOUND);
    return true;
  }
  let file = segments.length === 0 ? index : resolve(root, ...segments);
  if (file !== root && !file.startsWith(root + sep)) {
    sendText(res, 404, NOT_FOUND);
    return true;
  }
  let stat = statOf(file);
  if (!stat?.isFile()) {
    const navigation = extname(path) === '' && (req.headers.accept ?? '').includes('text/html');
    if (!navigation) {
      sendText(res, 404, NOT_FOUND);
      return true;
    }
    file = index;
    stat = statOf(index);
    if (!stat?.isFile()) return false;
  }
  const etag = `W/"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}"`;
  const headers: Record<string, string | number> = {
    'content-type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'cache-control': file !== index && HASHED_NAME.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache',
    etag,
    vary: 'accept-encoding',
    'x-content-type-options': 'nosniff',
  };
  if (extname(file).toLowerCase() === '.html') {
    headers['content-security-policy'] = pagePolicy(file, etag);
    headers['referrer-policy'] = 'same-origin';
  }
  if (req.headers['if-none-match'] === etag) {
    res.writeHead(304, headers);
    res.end();
    return true;
  }
  if (COMPRESSIBLE.has(extname(file).toLowerCase()) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
    const body = gzippedFile(file, etag);
    res.writeHead(200, { ...headers, 'content-encoding': 'gzip', 'content-length': body.length });
    res.end(req.method === 'HEAD' ? undefined : body);
    return true;
  }
  res.writeHead(200, { ...headers, 'content-length': stat.size });
  if (req.method === 'HEAD') {
    res.end();
    return true;
  }
  createReadStream(file)
    .on('error', () => res.destroy())
    .pipe(res);
  return true;
}

function statOf(file: string) {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, {
    'content-type': 'text/plain; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'x-content-type-options': 'nosniff',
  });
  res.end(text);
}

function sendMissingBuild(req: IncomingMessage, res: ServerResponse, root: string): void {
  const html = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>还没有构建网页版 · H5 build missing</title>
<style>
body { font: 18px/1.6 system-ui, -apple-system, "PingFang SC", "Microsoft YaHei", sans-serif; color: #1a1a1a; background: #fff; margin: 0; }
main { max-width: 40rem; margin: 0 auto; padding: 1.5rem; }
code { background: #f1f1f1; padding: 0.1rem 0.3rem; border-radius: 4px; }
a { color: #a50e0e; }
</style>
</head>
<body>
<main>
<h1>还没有构建网页版（H5）</h1>
<p>在项目目录运行 <code>npm run build</code>（或 <code>npm start</code>，它会先构建），然后刷新本页。</p>
<p lang="en">The H5 build is missing: run <code>npm run build</code> in the repository (or <code>npm start</code>, which builds first), then reload this page.</p>
<p>期望的位置 / expected at: <code>${escapeHtml(root)}</code></p>
<p><a href="/dev/login">演示登录 / demo sign-in</a></p>
</main>
</body>
</html>
`;
  res.writeHead(503, {
    'content-type': 'text/html; charset=utf-8',
    'content-length': Buffer.byteLength(html),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(req.method === 'HEAD' ? undefined : html);
}
