import Busboy, { type BusboyFileStream, type BusboyHeaders } from '@fastify/busboy';
import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import type { RouteHandler, StoredFile } from 'wx-local-cloud';
import { IMAGE_SNIFF_BYTES, IMAGE_TYPES, type ImageType, MAX_IMAGE_BYTES, imageTypeOf } from '../../../domain/image';
import { chinaTime } from '../../../domain/time';
import { type AppContext, requireSession } from '../context';
import { HttpError, contentTypeOf, sendJson } from '../http';

export const UPLOAD_PATH = '/api/upload';

/** Room for the multipart boundaries and part headers around the one file. */
const MULTIPART_OVERHEAD = 64 * 1024;
const MAX_BODY = MAX_IMAGE_BYTES + MULTIPART_OVERHEAD;

const invalid = () => new HttpError(400, 'UPLOAD_INVALID', { connection: 'close' });
const tooLarge = () => new HttpError(413, 'FILE_TOO_LARGE', { connection: 'close' });

/** The first `count` bytes of a stream (fewer if it ends first), leaving it paused at the next byte. */
function firstBytes(stream: Readable, count: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const closed = () => reject(new Error('the file part closed before its first bytes'));
    const done = () => {
      stream.off('data', onData);
      stream.off('end', done);
      stream.off('error', reject);
      stream.off('close', closed);
      stream.pause();
      resolve(Buffer.concat(chunks));
    };
    const onData = (chunk: Buffer) => {
      chunks.push(chunk);
      size += chunk.length;
      if (size >= count) done();
    };
    stream.on('data', onData);
    stream.once('end', done);
    stream.once('error', reject);
    stream.once('close', closed);
  });
}

/** The file part as an image: refused at its first bytes when it is none, and at its end when it was cut at the limit. */
async function imageOf(file: BusboyFileStream): Promise<{ bytes: Readable; type: ImageType }> {
  const head = await firstBytes(file, IMAGE_SNIFF_BYTES);
  const type = imageTypeOf(head);
  if (!type) throw new HttpError(415, 'NOT_AN_IMAGE', { connection: 'close' });
  async function* all() {
    yield head;
    for await (const chunk of file) yield chunk as Buffer;
    if (file.truncated) throw tooLarge();
  }
  return { bytes: Readable.from(all()), type };
}

/**
 * Reads a multipart body that holds exactly one part, a `file` field, and stores it with `store` while it arrives.
 * Everything else is refused as soon as it shows — a second part, a text field, a body or file over the limit, an
 * image type we do not take — and a file already stored for a refused request is removed again.
 */
function receiveImage(
  req: IncomingMessage,
  store: (bytes: Readable, type: ImageType) => Promise<StoredFile>,
  remove: (stored: StoredFile) => void,
): Promise<StoredFile> {
  return new Promise((resolve, reject) => {
    let busboy: ReturnType<typeof Busboy>;
    try {
      busboy = Busboy({
        headers: req.headers as BusboyHeaders,
        limits: { fileSize: MAX_IMAGE_BYTES, files: 1, fields: 0, parts: 1, headerPairs: 8, headerSize: 4096 },
      });
    } catch {
      reject(new HttpError(415, 'UPLOAD_INVALID'));
      return;
    }
    let file: BusboyFileStream | null = null;
    let saving: Promise<StoredFile> | null = null;
    let settled = false;
    let received = 0;

    const refuse = (error: unknown) => {
      if (settled) return;
      settled = true;
      req.off('data', count);
      req.unpipe(busboy);
      file?.destroy();
      const undo = saving ? saving.then(remove, () => undefined) : Promise.resolve();
      void undo.then(() => reject(error));
    };
    const count = (chunk: Buffer) => {
      received += chunk.length;
      if (received > MAX_BODY) refuse(tooLarge());
    };

    busboy.on('file', (name, stream) => {
      if (name !== 'file') {
        stream.resume();
        refuse(invalid());
        return;
      }
      file = stream;
      saving = imageOf(stream).then(({ bytes, type }) => store(bytes, type));
      saving.catch(refuse);
    });
    busboy.on('field', () => refuse(invalid()));
    busboy.on('partsLimit', () => refuse(invalid()));
    busboy.on('filesLimit', () => refuse(invalid()));
    busboy.on('fieldsLimit', () => refuse(invalid()));
    busboy.on('error', () => refuse(invalid()));
    busboy.on('finish', () => {
      if (!saving) {
        refuse(invalid());
        return;
      }
      saving.then((stored) => {
        if (settled) return;
        settled = true;
        resolve(stored);
      }, refuse);
    });
    req.on('data', count);
    req.pipe(busboy);
  });
}

/** Where an upload is stored: a path the server chooses, never the sender's file name. */
function uploadPath(type: ImageType): string {
  return `uploads/${chinaTime().format('YYYY-MM')}/${randomBytes(16).toString('hex')}.${IMAGE_TYPES[type]}`;
}

/**
 * `POST /api/upload`: a signed-in person's photo, as multipart form data with one `file` part (a JPEG, PNG or WebP
 * image of at most 10 MB, told by its bytes). Stored in the local cloud's storage with the person as its owner, as a
 * mini-program's `wx.cloud.uploadFile` would; answers `{ fileID }`.
 */
export function uploadRoute(ctx: AppContext): RouteHandler {
  return async (req, res, url) => {
    if (url.pathname !== UPLOAD_PATH) return false;
    if (req.method !== 'POST') throw new HttpError(405, 'METHOD_NOT_ALLOWED', { allow: 'POST' });
    const session = requireSession(ctx, req);
    if (contentTypeOf(req) !== 'multipart/form-data') throw new HttpError(415, 'UPLOAD_INVALID');
    if (Number(req.headers['content-length'] ?? 0) > MAX_BODY) throw tooLarge();
    const stored = await receiveImage(
      req,
      (bytes, type) => ctx.cloud.storage.save(uploadPath(type), bytes, { owner: session.openid, contentType: type }),
      (file) => ctx.cloud.storage.batchDeleteFile({ fileid_list: [file.fileID] }),
    );
    sendJson(res, 200, { fileID: stored.fileID });
    return true;
  };
}
