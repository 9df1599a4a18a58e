import Busboy from '@fastify/busboy';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import { type AdminContext, dispatch } from './admin';
import { CloudError } from './errors';

export type RouteHandler = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<boolean>;

const MAX_BODY = 50 * 1024 * 1024;

/** A request body over the reader's limit (the cloud answers it as INVALID_PARAM). */
export class BodyTooLargeError extends CloudError {
  constructor() {
    super('INVALID_PARAM', 'request body too large');
  }
}

/**
 * Reads a request body of at most `limit` bytes. A larger one (by its content-length, or as it arrives) is refused
 * with BodyTooLargeError and left unread, so that the caller can still answer before closing the connection.
 */
export function readBody(req: IncomingMessage, limit = MAX_BODY): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (Number.isFinite(declared) && declared > limit) return Promise.reject(new BodyTooLargeError());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.off('data', onData);
        req.off('end', onEnd);
        req.pause();
        reject(new BodyTooLargeError());
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => resolve(Buffer.concat(chunks));
    req.on('data', onData);
    req.on('end', onEnd);
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
