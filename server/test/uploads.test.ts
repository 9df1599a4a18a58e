import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { ERRORS, type ErrorCode } from '../../types';
import { MAX_IMAGE_BYTES } from '../../domain/image';
import { chinaTime } from '../../domain/time';
import { adminCall } from 'wx-local-cloud/testing';
import { DEMO_PERSONAS } from '../src/demo';
import { callApi, login, rawRequest, useTestApp } from './helpers';

/**
 * Files through the app server (the browser build has no cloud): POST /api/upload stores a signed-in person's photo
 * with them as its owner, GET /api/file gives it back to them only.
 */

const t = useTestApp();

/** A 1×1 PNG, a JPEG start and a WebP start: what imageTypeOf tells by the first bytes. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
  'base64',
);
const JPEG = Buffer.concat([
  Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]),
  Buffer.from('JFIF\0\x01'),
  randomBytes(64),
]);
const WEBP = Buffer.concat([
  Buffer.from('RIFF'),
  Buffer.from([0x24, 0, 0, 0]),
  Buffer.from('WEBPVP8 '),
  randomBytes(32),
]);

interface Part {
  name: string;
  filename?: string;
  type?: string;
  body: Buffer | string;
}

/** A multipart/form-data body written by hand, so that a test can send exactly the parts it wants. */
function multipart(parts: Part[], boundary = `rb-${randomBytes(8).toString('hex')}`) {
  const chunks = parts.flatMap((part) => [
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"` +
        (part.filename ? `; filename="${part.filename}"` : '') +
        `\r\n${part.type ? `Content-Type: ${part.type}\r\n` : ''}\r\n`,
    ),
    Buffer.isBuffer(part.body) ? part.body : Buffer.from(part.body),
    Buffer.from('\r\n'),
  ]);
  return {
    body: Buffer.concat([...chunks, Buffer.from(`--${boundary}--\r\n`)]),
    type: `multipart/form-data; boundary=${boundary}`,
  };
}

const photo = (body: Buffer, filename = 'photo.png', type = 'image/png'): Part => ({
  name: 'file',
  filename,
  type,
  body,
});

async function upload(form: { body: Buffer | ReadableStream; type: string }, cookie?: string, headers = {}) {
  const res = await fetch(`${t.app.url}/api/upload`, {
    method: 'POST',
    headers: { 'content-type': form.type, ...(cookie ? { cookie } : {}), ...headers },
    body: form.body,
    ...(form.body instanceof ReadableStream ? { duplex: 'half' } : {}),
  } as RequestInit);
  return { status: res.status, body: (await res.json()) as unknown, headers: res.headers };
}

const refusal = (code: ErrorCode) => ({ ok: false, code, message: ERRORS[code] });

/** The files the person uploaded that are stored now (none left behind by a refused upload, no partial files). */
function storedUploads(): string[] {
  const root = join(t.dataDir, 'storage', 'uploads');
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => entry.name);
}

async function fileOf(fileID: string, cookie?: string, headers: Record<string, string> = {}) {
  return fetch(`${t.app.url}/api/file?id=${encodeURIComponent(fileID)}`, {
    headers: { ...(cookie ? { cookie } : {}), ...headers },
  });
}

describe('POST /api/upload and GET /api/file: the happy path', () => {
  test.each([
    ['a PNG', PNG, 'png', 'image/png'],
    ['a JPEG', JPEG, 'jpg', 'image/jpeg'],
    ['a WebP', WEBP, 'webp', 'image/webp'],
  ])(
    '%s is stored under a path the server chooses, owned by the uploader, and comes back to them',
    async (_what, bytes, ext, type) => {
      const cookie = await login(t.app, DEMO_PERSONAS.memberVerified);
      // The file name and declared type are the sender's and do not count: the bytes do.
      const res = await upload(multipart([photo(bytes, '../../etc/passwd', 'text/plain')]), cookie);
      expect(res.status).toBe(200);
      const { fileID } = res.body as { fileID: string };
      const month = chinaTime().format('YYYY-MM');
      expect(fileID).toMatch(new RegExp(`^cloud://[\\w-]+\\.[\\w-]+/uploads/${month}/[0-9a-f]{32}\\.${ext}$`));
      expect(Object.keys(res.body as object)).toEqual(['fileID']);
      expect(t.app.cloud.storage.describe(fileID)).toMatchObject({
        owner: DEMO_PERSONAS.memberVerified,
        size: bytes.length,
        contentType: type,
      });

      const back = await fileOf(fileID, cookie);
      expect(back.status).toBe(200);
      expect(back.headers.get('content-type')).toBe(type);
      expect(back.headers.get('cache-control')).toBe('private');
      expect(back.headers.get('x-content-type-options')).toBe('nosniff');
      expect(Buffer.from(await back.arrayBuffer()).equals(bytes)).toBe(true);
    },
  );
});

describe('refusals: nothing is stored, and each says why', () => {
  let before: string[];
  let cookie: string;
  beforeEach(async () => {
    before = storedUploads();
    cookie = await login(t.app, DEMO_PERSONAS.memberCheckedIn);
  });
  afterEach(() => {
    expect(storedUploads()).toEqual(before);
  });

  test('not signed in: 401 NOT_SIGNED_IN (upload and file)', async () => {
    expect(await upload(multipart([photo(PNG)]))).toMatchObject({ status: 401, body: refusal('NOT_SIGNED_IN') });
    const res = await fileOf('cloud://local-env.local-env-local/uploads/x.png');
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual(refusal('NOT_SIGNED_IN'));
  });

  test('from another site: 403 FORBIDDEN (upload and file)', async () => {
    const origin = { origin: 'https://evil.example' };
    expect(await upload(multipart([photo(PNG)]), cookie, origin)).toMatchObject({
      status: 403,
      body: refusal('FORBIDDEN'),
    });
    expect((await fileOf('cloud://local-env.local-env-local/uploads/x.png', cookie, origin)).status).toBe(403);
  });

  test('a file over 10 MB: 413 FILE_TOO_LARGE, whether the size was declared or found while streaming', async () => {
    const big = Buffer.concat([PNG, Buffer.alloc(MAX_IMAGE_BYTES + 1 - PNG.length)]);
    const declared = multipart([photo(big)]);
    expect(await upload(declared, cookie)).toMatchObject({ status: 413, body: refusal('FILE_TOO_LARGE') });
    // Sent in chunks with no length: the limit holds while the bytes arrive.
    const streamed = Readable.toWeb(
      Readable.from([declared.body.subarray(0, 1 << 20), declared.body.subarray(1 << 20)]),
    );
    const res = await upload({ body: streamed as ReadableStream, type: declared.type }, cookie);
    expect(res).toMatchObject({ status: 413, body: refusal('FILE_TOO_LARGE') });
    // A body declared far larger is refused before it is read.
    const raw = await rawRequest(t.app.url, {
      method: 'POST',
      path: '/api/upload',
      headers: { cookie, 'content-type': declared.type, 'content-length': String(50 * 1024 * 1024) },
    });
    expect(raw.status).toBe(413);
    expect(JSON.parse(raw.body)).toEqual(refusal('FILE_TOO_LARGE'));
  });

  test('not an image by its bytes (whatever its name and type say): 415 NOT_AN_IMAGE', async () => {
    const fakes = [
      Buffer.from('just some text, named like a photo'),
      Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
      Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00'),
      Buffer.from('<!doctype html><script>alert(1)</script>'),
      Buffer.alloc(0),
    ];
    for (const body of fakes) {
      const res = await upload(multipart([photo(body, 'photo.png', 'image/png')]), cookie);
      expect({ body: body.toString().slice(0, 12), ...(res.body as object), status: res.status }).toEqual({
        body: body.toString().slice(0, 12),
        ...refusal('NOT_AN_IMAGE'),
        status: 415,
      });
    }
  });

  test('not multipart, or multipart without exactly one `file` part: UPLOAD_INVALID; another method: 405', async () => {
    const json = await upload({ body: Buffer.from('{"file":"x"}'), type: 'application/json' }, cookie);
    expect(json).toMatchObject({ status: 415, body: refusal('UPLOAD_INVALID') });
    const noBoundary = await upload({ body: Buffer.from('x'), type: 'multipart/form-data' }, cookie);
    expect(noBoundary).toMatchObject({ status: 415, body: refusal('UPLOAD_INVALID') });
    const forms = [
      multipart([]),
      multipart([photo(PNG), photo(PNG, 'second.png')]),
      multipart([{ name: 'caption', body: '社区服务' }, photo(PNG)]),
      multipart([photo(PNG), { name: 'caption', body: '社区服务' }]),
      multipart([{ name: 'image', filename: 'a.png', type: 'image/png', body: PNG }]),
    ];
    for (const form of forms)
      expect(await upload(form, cookie)).toMatchObject({ status: 400, body: refusal('UPLOAD_INVALID') });
    const truncated = multipart([photo(PNG)]);
    const cut = await upload(
      { body: truncated.body.subarray(0, truncated.body.length - 20), type: truncated.type },
      cookie,
    );
    expect(cut).toMatchObject({ status: 400, body: refusal('UPLOAD_INVALID') });
    const get = await fetch(`${t.app.url}/api/upload`, { headers: { cookie } });
    expect([get.status, get.headers.get('allow')]).toEqual([405, 'POST']);
  });

  test('a hostile multipart — thousands of parts or files, a deeply nested JSON part — is refused at once', async () => {
    const many = multipart(Array.from({ length: 5000 }, (_, i) => ({ name: `f${i}`, body: 'x' })));
    expect(await upload(many, cookie)).toMatchObject({ status: 400, body: refusal('UPLOAD_INVALID') });
    const manyFiles = multipart(Array.from({ length: 5000 }, () => photo(PNG)));
    expect(await upload(manyFiles, cookie)).toMatchObject({ status: 400, body: refusal('UPLOAD_INVALID') });
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    const nested = multipart([{ name: 'meta', type: 'application/json', body: deep }, photo(PNG)]);
    expect(await upload(nested, cookie)).toMatchObject({ status: 400, body: refusal('UPLOAD_INVALID') });
  });
});

describe("GET /api/file: only the uploader's own files", () => {
  test("someone else's upload, a function's file, an unknown or malformed id: 404 FILE_NOT_FOUND", async () => {
    const alice = await login(t.app, DEMO_PERSONAS.memberVerified);
    const bob = await login(t.app, DEMO_PERSONAS.memberCheckedIn);
    const { fileID } = (await upload(multipart([photo(PNG)]), alice)).body as { fileID: string };
    // A file a function wrote, through the SDK's signed upload: nobody's own.
    const meta = await adminCall(t.app.cloud, 'storage.getUploadMetadata', { path: 'reports/2026.png' });
    const { url, fileId: byFunction } = meta.data as { url: string; fileId: string };
    expect((await fetch(url, { method: 'PUT', body: PNG })).status).toBe(200);
    const ids = [
      fileID,
      byFunction,
      fileID.replace(/[0-9a-f]{32}/, '0'.repeat(32)),
      'cloud://another-env.another-env-local/uploads/x.png',
      'cloud://local-env.local-env-local/../sessions.sqlite',
      '',
    ];
    for (const id of ids) {
      const res = await fileOf(id, bob);
      expect({ id, status: res.status, body: await res.json() }).toEqual({
        id,
        status: 404,
        body: refusal('FILE_NOT_FOUND'),
      });
    }
    expect((await fileOf(fileID, alice)).status).toBe(200);
    const post = await fetch(`${t.app.url}/api/file?id=${encodeURIComponent(fileID)}`, {
      method: 'POST',
      headers: { cookie: alice },
    });
    expect([post.status, post.headers.get('allow')]).toEqual([405, 'GET, HEAD']);
  });
});

test('after all of it the server still serves: a function call and another upload', async () => {
  const cookie = await login(t.app, DEMO_PERSONAS.staff);
  expect((await callApi(t.app, 'echo', { action: 'ping' }, cookie)).status).toBe(200);
  const res = await upload(multipart([photo(PNG)]), cookie);
  expect(res.status).toBe(200);
  expect(t.logs.filter((line) => !line.includes('[api]'))).toEqual([]);
});
