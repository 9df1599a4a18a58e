import Busboy from '@fastify/busboy';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import { type AdminContext, dispatch } from './admin';
import { CloudError } from './errors';
import { jsonTextTooDeep, parseJsonBody } from './json-limits';
import type { CloudLimits } from './limits';

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

/**
 * Multipart bodies (wx.openApi): text fields, and `requestData` kept as the raw protobuf bytes. Refused when a part
 * is larger than `limit` or there are more parts than the SDK ever sends.
 */
function readMultipart(
  req: IncomingMessage,
  limit: number,
): Promise<{ fields: Record<string, unknown>; requestData?: Buffer }> {
  return new Promise((resolve, reject) => {
    const fields: Record<string, unknown> = {};
    let requestData: Buffer | undefined;
    let truncated = false;
    const busboy = Busboy({
      headers: req.headers as { 'content-type': string },
      limits: { fileSize: limit, fieldSize: limit, fields: 32, files: 1, parts: 33 },
      isPartAFile: (name) => name === 'requestData',
    });
    busboy.on('field', (name, value, fieldTruncated) => {
      if (fieldTruncated) truncated = true;
      fields[name] = value;
    });
    busboy.on('file', (name, stream) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('limit', () => {
        truncated = true;
      });
      stream.on('end', () => {
        if (name === 'requestData') requestData = Buffer.concat(chunks);
      });
    });
    const limited = () => {
      truncated = true;
    };
    busboy.on('partsLimit', limited);
    busboy.on('filesLimit', limited);
    busboy.on('fieldsLimit', limited);
    busboy.on('finish', () => (truncated ? reject(new BodyTooLargeError()) : resolve({ fields, requestData })));
    busboy.on('error', reject);
    req.pipe(busboy);
  });
}

/** The admin API's JSON body: an object, within the size and nesting limits, else INVALID_PARAM. */
async function readAdminJson(req: IncomingMessage, limits: CloudLimits): Promise<Record<string, unknown>> {
  const raw = await readBody(req, limits.adminBodyBytes);
  if (raw.length === 0) return {};
  const parsed = parseJsonBody(raw, limits.adminBodyDepth);
  if (!parsed.ok) {
    const why = { notUtf8: 'is not UTF-8', notJson: 'is not JSON', tooDeep: 'nests too deeply' }[parsed.problem];
    throw new CloudError('INVALID_PARAM', `the request body ${why}`);
  }
  const body = parsed.value;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new CloudError('INVALID_PARAM', 'the request body must be a JSON object');
  }
  return body as Record<string, unknown>;
}

/** Multipart field values are JSON texts parsed later: refused here when they nest too deeply. */
function refuseDeepFields(fields: Record<string, unknown>, maxDepth: number): void {
  for (const value of Object.values(fields)) {
    if (typeof value === 'string' && jsonTextTooDeep(value, maxDepth)) {
      throw new CloudError('INVALID_PARAM', 'a field of the request nests too deeply');
    }
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'x-content-type-options': 'nosniff',
  });
  res.end(text);
}

/** `POST /admin`: the admin API. Errors are HTTP 200 with `{code, message}`, as the cloud answers them. */
/** Random bytes drawn a few KB at a time: one `randomBytes` call per request cost more than the lookup it names. */
let idPool = Buffer.alloc(0);
let idOffset = 0;

/** A request's id: 16 random hex digits. */
function newRequestId(): string {
  if (idOffset + 8 > idPool.length) {
    idPool = randomBytes(4096);
    idOffset = 0;
  }
  idOffset += 8;
  return idPool.toString('hex', idOffset - 8, idOffset);
}

export function adminRoute(ctx: AdminContext, limits: CloudLimits, log: (line: string) => void): RouteHandler {
  return async (req, res, url) => {
    if (url.pathname.replace(/\/+$/, '') !== '/admin' || req.method !== 'POST') return false;
    const requestId = newRequestId();
    try {
      const contentType = req.headers['content-type'] ?? '';
      let body: Record<string, unknown>;
      let requestData: Buffer | undefined;
      if (contentType.startsWith('multipart/form-data')) {
        ({ fields: body, requestData } = await readMultipart(req, limits.adminBodyBytes));
        refuseDeepFields(body, limits.adminBodyDepth);
      } else {
        body = await readAdminJson(req, limits);
      }
      const reply = await dispatch(body, ctx, requestData);
      if (reply.kind === 'binary') {
        res.writeHead(200, {
          'content-type': reply.contentType,
          'content-length': reply.body.length,
          'x-content-type-options': 'nosniff',
        });
        res.end(reply.body);
        return true;
      }
      sendJson(res, 200, { ...reply.body, requestId });
    } catch (error) {
      // A body left unread (too large) cannot share the connection with the next request.
      if (error instanceof BodyTooLargeError) res.setHeader('connection', 'close');
      if (error instanceof CloudError) {
        sendJson(res, 200, { code: error.code, message: error.message, requestId });
      } else if (error instanceof SyntaxError) {
        sendJson(res, 200, {
          code: 'INVALID_PARAM',
          message: 'a JSON field of the request could not be read',
          requestId,
        });
      } else {
        log(
          `[local-cloud] admin request ${requestId} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
        );
        sendJson(res, 200, {
          code: 'SYS_ERR',
          message: `internal error (request ${requestId}, see the local cloud's log)`,
          requestId,
        });
      }
    }
    return true;
  };
}
