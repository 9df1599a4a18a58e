import Busboy from '@fastify/busboy';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import { type AdminContext, dispatch } from './admin';
import { CloudError } from './errors';

export type RouteHandler = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<boolean>;

const MAX_BODY = 50 * 1024 * 1024;

export function readBody(req: IncomingMessage, limit = MAX_BODY): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new CloudError('INVALID_PARAM', 'request body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Multipart bodies (wx.openApi): text fields, and `requestData` kept as the raw protobuf bytes. */
function readMultipart(req: IncomingMessage): Promise<{ fields: Record<string, unknown>; requestData?: Buffer }> {
  return new Promise((resolve, reject) => {
    const fields: Record<string, unknown> = {};
    let requestData: Buffer | undefined;
    const busboy = Busboy({
      headers: req.headers as { 'content-type': string },
      limits: { fileSize: MAX_BODY },
      isPartAFile: (name) => name === 'requestData',
    });
    busboy.on('field', (name, value) => {
      fields[name] = value;
    });
    busboy.on('file', (name, stream) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (name === 'requestData') requestData = Buffer.concat(chunks);
      });
    });
    busboy.on('finish', () => resolve({ fields, requestData }));
    busboy.on('error', reject);
    req.pipe(busboy);
  });
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

/** `POST /admin`: the admin API. Errors are HTTP 200 with `{code, message}`, as the cloud answers them. */
export function adminRoute(ctx: AdminContext): RouteHandler {
  return async (req, res, url) => {
    if (url.pathname.replace(/\/+$/, '') !== '/admin' || req.method !== 'POST') return false;
    const requestId = randomBytes(8).toString('hex');
    try {
      const contentType = req.headers['content-type'] ?? '';
      let body: Record<string, unknown>;
      let requestData: Buffer | undefined;
      if (contentType.startsWith('multipart/form-data')) {
        ({ fields: body, requestData } = await readMultipart(req));
      } else {
        const raw = await readBody(req);
        body = raw.length ? (JSON.parse(raw.toString('utf8')) as Record<string, unknown>) : {};
      }
      const reply = await dispatch(body, ctx, requestData);
      if (reply.kind === 'binary') {
        res.writeHead(200, { 'content-type': reply.contentType, 'content-length': reply.body.length });
        res.end(reply.body);
        return true;
      }
      sendJson(res, 200, { ...reply.body, requestId });
    } catch (error) {
      const code =
        error instanceof CloudError ? error.code : error instanceof SyntaxError ? 'INVALID_PARAM' : 'SYS_ERR';
      const message = error instanceof Error ? error.message : String(error);
      sendJson(res, 200, { code, message, requestId });
    }
    return true;
  };
}
