import { createHmac, randomBytes } from 'node:crypto';
import {
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  type WriteStream,
  writeFileSync,
} from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { dirname, join, normalize, sep } from 'node:path';
import { type Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { lookup as mimeLookup } from 'mime-types';
import { CloudError } from './errors';

export interface StorageOptions {
  root: string;
  /** Where what is known about each file besides its bytes (its owner, its type) is kept, one JSON file each. */
  metaRoot: string;
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

/**
 * Writes a new file with `write`; when that fails, removes the file once its stream has closed (removing it while
 * the file is still being opened would let the open create it again).
 */
async function intoNewFile(file: string, write: (out: WriteStream) => Promise<void>): Promise<void> {
  const out = createWriteStream(file);
  try {
    await write(out);
  } catch (error) {
    if (!out.closed) await new Promise<void>((closed) => out.once('close', () => closed()));
    rmSync(file, { force: true });
    throw error;
  }
}

/** A stored file as the cloud knows it. */
export interface StoredFile {
  fileID: string;
  /** The cloud path (what getFileAuthority and the console call a file's path). */
  path: string;
  size: number;
  contentType: string;
  /**
   * The OPENID of who uploaded it from their device, as WeChat records a client upload (`resource.openid` of the
   * storage rules); null for a file a function or tool wrote.
   */
  owner: string | null;
}

interface FileMeta {
  owner: string | null;
  contentType: string;
}

/** What getFileAuthority answers about one file for one person. */
export interface FileAuthority {
  path: string;
  cosFileId: string;
  read: boolean;
  write: boolean;
}

/**
 * Cloud storage over a local folder: upload metadata, a signed PUT, temporary download URLs, deletion; and the
 * uploads a person makes from their device (through an app server in front), recorded with their OPENID as owner.
 * Reads follow WeChat's storage rule 仅创建者可读写: only the uploader (and functions, as admin) may read a file.
 */
export class FileStorage {
  constructor(private readonly options: StorageOptions) {
    mkdirSync(options.root, { recursive: true });
    mkdirSync(options.metaRoot, { recursive: true });
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

  private metaFile(path: string): string {
    return join(this.options.metaRoot, `${path}.json`);
  }

  private readMeta(path: string): FileMeta | null {
    try {
      return JSON.parse(readFileSync(this.metaFile(path), 'utf8')) as FileMeta;
    } catch {
      return null;
    }
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
          rmSync(this.metaFile(this.pathOf(fileid)), { force: true });
          return { fileID: fileid, code: 'SUCCESS' };
        } catch (error) {
          return { fileID: fileid, code: error instanceof CloudError ? error.code : 'STORAGE_REQUEST_FAIL' };
        }
      }),
    };
  }

  /**
   * `storage.getFileAuthority`: what this person may do with each file under 仅创建者可读写 — read and write their own
   * uploads, nothing else. A path may be a cloud path or a fileID.
   */
  fileAuthority(openid: string, paths: string[]): FileAuthority[] {
    return paths.map((given) => {
      let own = false;
      try {
        const path = given.startsWith('cloud://') ? this.pathOf(given) : this.safePath(given);
        own = Boolean(openid) && this.describe(this.fileId(path))?.owner === openid;
      } catch {
        own = false;
      }
      return { path: given, cosFileId: '', read: own, write: own };
    });
  }

  /** The stored file of a fileID, or null when there is none (or the fileID is not one of ours). */
  describe(fileId: string): StoredFile | null {
    let path: string;
    try {
      path = this.pathOf(fileId);
    } catch {
      return null;
    }
    const file = join(this.options.root, path);
    if (!existsSync(file) || !statSync(file).isFile()) return null;
    const meta = this.readMeta(path);
    return {
      fileID: this.fileId(path),
      path,
      size: statSync(file).size,
      contentType: meta?.contentType ?? (mimeLookup(file) || 'application/octet-stream'),
      owner: meta?.owner ?? null,
    };
  }

  /** The bytes of a stored file (describe it first: this throws when there is none). */
  read(fileId: string): Readable {
    return createReadStream(join(this.options.root, this.pathOf(fileId)));
  }

  /**
   * Stores an upload a person made from their device at `path`, recording them as its owner; written beside its
   * target and renamed into place, so that a failed one (`source` erroring) leaves nothing.
   */
  async save(path: string, source: Readable, meta: { owner: string; contentType: string }): Promise<StoredFile> {
    const clean = this.safePath(path);
    const file = join(this.options.root, clean);
    mkdirSync(dirname(file), { recursive: true });
    const partial = `${file}.${randomBytes(6).toString('hex')}.partial`;
    await intoNewFile(partial, (out) => pipeline(source, out));
    mkdirSync(dirname(this.metaFile(clean)), { recursive: true });
    writeFileSync(this.metaFile(clean), JSON.stringify({ owner: meta.owner, contentType: meta.contentType }));
    renameSync(partial, file);
    return this.describe(this.fileId(clean)) as StoredFile;
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
      await this.receive(req, res, path);
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
  private async receive(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    const file = join(this.options.root, path);
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
    await intoNewFile(partial, (out) => pipeline(req, limiter, out));
    if (limiter.exceeded) {
      rmSync(partial, { force: true });
      tooLarge();
      return;
    }
    renameSync(partial, file);
    // Written by a function or tool (only the SDK uploads here): no person owns it.
    rmSync(this.metaFile(path), { force: true });
    res.writeHead(200, NOSNIFF);
    res.end();
  }

  reset(): void {
    for (const root of [this.options.root, this.options.metaRoot]) {
      rmSync(root, { recursive: true, force: true });
      mkdirSync(root, { recursive: true });
    }
  }
}
