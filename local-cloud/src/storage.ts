import { createHmac, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { dirname, join, normalize, sep } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { lookup as mimeLookup } from 'mime-types';
import { CloudError } from './errors';

export interface StorageOptions {
  root: string;
  env: string;
  /** Where a browser reaches the files (temporary download URLs point here). */
  publicUrl: () => string;
  /** Where functions reach the cloud itself (upload URLs point here: only the SDK uploads). */
  cloudUrl: () => string;
  secret: string;
  /** The largest file an upload may carry. */
  maxUploadBytes: number;
}

/** Every storage answer: never sniffed into another type by a browser. */
const NOSNIFF = { 'x-content-type-options': 'nosniff' } as const;

/**
 * Passes bytes through until more than `limit` have gone by, then drops the rest (reading it, so that the connection
 * stays usable for the refusal) and remembers that it did.
 */
function byteLimit(limit: number): Transform & { exceeded: boolean } {
  let seen = 0;
  const limiter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      if (seen > limit) limiter.exceeded = true;
      done(null, limiter.exceeded ? undefined : chunk);
    },
  }) as Transform & { exceeded: boolean };
  limiter.exceeded = false;
  return limiter;
}

const DEFAULT_MAX_AGE_S = 7200;

/** Cloud storage over a local folder: upload metadata, a signed PUT, temporary download URLs, deletion. */
export class FileStorage {
  constructor(private readonly options: StorageOptions) {
    mkdirSync(options.root, { recursive: true });
  }

  private get bucket(): string {
    return `${this.options.env}-local`;
  }

  fileId(path: string): string {
    return `cloud://${this.options.env}.${this.bucket}/${path}`;
  }

  /** The cloud path of a fileID, refused when it is not one of ours or leaves the storage folder. */
  pathOf(fileId: string): string {
    const prefix = `cloud://${this.options.env}.${this.bucket}/`;
    if (!fileId.startsWith(prefix)) throw new CloudError('STORAGE_FILE_NONEXIST', `unknown fileID ${fileId}`);
    return this.safePath(fileId.slice(prefix.length));
  }

  private safePath(path: string): string {
    const clean = normalize(path).replace(/^([/\\])+/, '');
    if (!clean || clean.startsWith('..') || clean.includes(`${sep}..${sep}`)) {
      throw new CloudError('STORAGE_SIGN_PARAM_INVALID', `invalid cloud path ${path}`);
    }
    return clean.split(sep).join('/');
  }

  private sign(purpose: string, path: string, expires: number): string {
    return createHmac('sha256', this.options.secret)
      .update(`${purpose}\n${path}\n${expires}`)
      .digest('hex')
      .slice(0, 32);
  }

  private signedUrl(purpose: 'upload' | 'download', path: string, maxAgeS: number): string {
    const expires = Math.floor(Date.now() / 1000) + maxAgeS;
    const query = new URLSearchParams({ expires: String(expires), sign: this.sign(purpose, path, expires) });
    const encoded = path.split('/').map(encodeURIComponent).join('/');
    const base = purpose === 'upload' ? this.options.cloudUrl() : this.options.publicUrl();
    return `${base}/storage/${purpose}/${encoded}?${query.toString()}`;
  }

  getUploadMetadata(params: { path: string }) {
    const path = this.safePath(params.path);
    return {
      url: this.signedUrl('upload', path, 600),
      token: randomBytes(16).toString('hex'),
      authorization: randomBytes(16).toString('hex'),
      fileId: this.fileId(path),
      cosFileId: randomBytes(12).toString('hex'),
    };
  }

  batchGetDownloadUrl(params: { file_list: { fileid: string; max_age?: number }[] }) {
    return {
      download_list: params.file_list.map(({ fileid, max_age }) => {
        const maxAge = max_age && max_age > 0 ? max_age : DEFAULT_MAX_AGE_S;
        try {
          const path = this.pathOf(fileid);
          if (!existsSync(join(this.options.root, path))) throw new CloudError('STORAGE_FILE_NONEXIST', 'no such file');
          return { fileID: fileid, tempFileURL: this.signedUrl('download', path, maxAge), code: 'SUCCESS', maxAge };
        } catch (error) {
          const code = error instanceof CloudError ? error.code : 'STORAGE_REQUEST_FAIL';
          return { fileID: fileid, tempFileURL: '', code, maxAge };
        }
      }),
    };
  }

  batchDeleteFile(params: { fileid_list: string[] }) {
    return {
      delete_list: params.fileid_list.map((fileid) => {
        try {
          const file = join(this.options.root, this.pathOf(fileid));
          if (!existsSync(file)) return { fileID: fileid, code: 'STORAGE_FILE_NONEXIST' };
          rmSync(file);
          return { fileID: fileid, code: 'SUCCESS' };
        } catch (error) {
          return { fileID: fileid, code: error instanceof CloudError ? error.code : 'STORAGE_REQUEST_FAIL' };
        }
      }),
    };
  }

  private verified(purpose: string, rawPath: string, url: URL): string | undefined {
    const path = this.safePath(decodeURIComponent(rawPath));
    const expires = Number(url.searchParams.get('expires'));
    const sign = url.searchParams.get('sign');
    if (!Number.isFinite(expires) || expires < Date.now() / 1000) return undefined;
    if (sign !== this.sign(purpose, path, expires)) return undefined;
    return path;
  }

  /**
   * Serves `PUT /storage/upload/<path>` (only when `uploads` is set: the cloud's own loopback server) and
   * `GET /storage/download/<path>`; false when the route is not ours.
   */
  async handle(
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    { uploads }: { uploads: boolean },
  ): Promise<boolean> {
    const match = /^\/storage\/(upload|download)\/(.+)$/.exec(url.pathname);
    if (!match || (match[1] === 'upload' && !uploads)) return false;
    const [, purpose, rawPath] = match;
    let path: string | undefined;
    try {
      path = this.verified(purpose, rawPath, url);
    } catch {
      path = undefined;
    }
    if (!path) {
      res.writeHead(403, { 'content-type': 'application/xml', ...NOSNIFF });
      res.end(
        '<?xml version="1.0" encoding="utf-8"?><Error><Code>AccessDenied</Code><Message>invalid or expired signature</Message><RequestId>local</RequestId><TraceId>local</TraceId></Error>',
      );
      return true;
    }
    const file = join(this.options.root, path);
    if (purpose === 'upload' && req.method === 'PUT') {
      await this.receive(req, res, file);
      return true;
    }
    if (purpose === 'download' && (req.method === 'GET' || req.method === 'HEAD')) {
      if (!existsSync(file)) {
        res.writeHead(404, NOSNIFF);
        res.end();
        return true;
      }
      res.writeHead(200, {
        'content-type': mimeLookup(file) || 'application/octet-stream',
        'content-length': statSync(file).size,
        'cache-control': 'private, max-age=600',
        ...NOSNIFF,
      });
      if (req.method === 'HEAD') res.end();
      else await pipeline(createReadStream(file), res);
      return true;
    }
    res.writeHead(405, NOSNIFF);
    res.end();
    return true;
  }

  /** Writes an upload beside its target and renames it into place, so that a refused or broken one leaves nothing. */
  private async receive(req: IncomingMessage, res: ServerResponse, file: string): Promise<void> {
    const limit = this.options.maxUploadBytes;
    const tooLarge = () => {
      res.writeHead(413, { 'content-type': 'application/xml', connection: 'close', ...NOSNIFF });
      res.end(
        '<?xml version="1.0" encoding="utf-8"?><Error><Code>EntityTooLarge</Code><Message>the file is larger than the upload limit</Message><RequestId>local</RequestId></Error>',
      );
    };
    if (Number(req.headers['content-length'] ?? 0) > limit) {
      tooLarge();
      return;
    }
    mkdirSync(dirname(file), { recursive: true });
    const partial = `${file}.${randomBytes(6).toString('hex')}.partial`;
    const limiter = byteLimit(limit);
    try {
      await pipeline(req, limiter, createWriteStream(partial));
    } catch (error) {
      rmSync(partial, { force: true });
      throw error;
    }
    if (limiter.exceeded) {
      rmSync(partial, { force: true });
      tooLarge();
      return;
    }
    renameSync(partial, file);
    res.writeHead(200, NOSNIFF);
    res.end();
  }

  reset(): void {
    rmSync(this.options.root, { recursive: true, force: true });
    mkdirSync(this.options.root, { recursive: true });
  }
}
