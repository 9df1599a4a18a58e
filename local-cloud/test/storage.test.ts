import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { startLocalCloud } from '../dist/index';
import { Readable } from 'node:stream';
import { type TestCloud, adminCall, rejection, startTestCloud } from 'wx-local-cloud/testing';
import { FUNCTIONS_DIR } from './fixtures';

let t: TestCloud;
beforeAll(async () => {
  t = await startTestCloud({ functionsDir: FUNCTIONS_DIR });
});
afterAll(() => t.close());

/** A tiny but well-formed PNG (1×1, red), so that the bytes are binary and not valid UTF-8. */
const PNG_BYTES = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
  'base64',
);

interface TempFile {
  fileID: string;
  status: number;
  errMsg: string;
  tempFileURL: string;
  maxAge?: number;
}

async function upload(cloudPath: string, fileContent: Buffer): Promise<string> {
  const res = (await t.sdk.uploadFile({ cloudPath, fileContent })) as { fileID: string };
  return res.fileID;
}

async function tempFile(fileID: string, maxAge?: number): Promise<TempFile> {
  const fileList = maxAge === undefined ? [fileID] : [{ fileID, maxAge }];
  const res = (await t.sdk.getTempFileURL({ fileList })) as { fileList: TempFile[] };
  expect(res.fileList).toHaveLength(1);
  return res.fileList[0];
}

async function tempUrl(fileID: string, maxAge?: number): Promise<string> {
  const file = await tempFile(fileID, maxAge);
  expect(file.status).toBe(0);
  expect(file.tempFileURL).toMatch(/^http:\/\//);
  return file.tempFileURL;
}

/** Every file under a folder, as paths relative to it. */
function filesUnder(root: string, prefix = ''): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(root, entry.name), `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`],
  );
}

describe('upload and temporary URLs', () => {
  test('uploadFile returns a cloud:// fileID of this env that names the cloud path', async () => {
    const fileID = await upload('avatars/u1.png', PNG_BYTES);
    expect(fileID).toMatch(/^cloud:\/\/local-env\./);
    expect(fileID.endsWith('/avatars/u1.png')).toBe(true);
  });

  test.each([
    ['png', 'photos/a.png', PNG_BYTES, /^image\/png/],
    [
      'jpg',
      'photos/b.jpg',
      Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0xff]),
      /^image\/jpeg/,
    ],
    ['txt', 'notes/c.txt', Buffer.from('社区报到 — plain text\n', 'utf8'), /^text\/plain/],
  ])(
    'a %s file loads from its temporary URL with the same bytes and its content-type',
    async (_kind, path, bytes, type) => {
      const fileID = await upload(path, bytes);
      const url = await tempUrl(fileID);
      const res = await fetch(url);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(type);
      expect(Buffer.from(await res.arrayBuffer()).equals(bytes)).toBe(true);
    },
  );

  test('a file in a nested folder with spaces and Chinese characters round-trips', async () => {
    const bytes = randomBytes(2048);
    const fileID = await upload('报到 照片/2024 01/第 1 张.png', bytes);
    const url = await tempUrl(fileID);
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).equals(bytes)).toBe(true);
  });

  test('uploading to the same cloud path again replaces the content', async () => {
    const fileID = await upload('replace/me.txt', Buffer.from('first version, longer than the second'));
    const again = await upload('replace/me.txt', Buffer.from('second'));
    expect(again).toBe(fileID);
    const res = await fetch(await tempUrl(fileID));
    expect(await res.text()).toBe('second');
  });

  test('getTempFileURL answers several files in one call, in order', async () => {
    const a = await upload('batch/a.txt', Buffer.from('A'));
    const b = await upload('batch/b.txt', Buffer.from('B'));
    const res = (await t.sdk.getTempFileURL({ fileList: [b, a] })) as { fileList: TempFile[] };
    expect(res.fileList.map((f) => f.fileID)).toEqual([b, a]);
    expect(res.fileList.map((f) => f.status)).toEqual([0, 0]);
    const texts = await Promise.all(res.fileList.map(async (f) => (await fetch(f.tempFileURL)).text()));
    expect(texts).toEqual(['B', 'A']);
  });
});

describe('signed URLs', () => {
  let fileID: string;
  let url: string;
  beforeAll(async () => {
    fileID = await upload('signed/secret.txt', Buffer.from('only with a valid signature'));
    url = await tempUrl(fileID);
  });

  test('the untouched URL works (control)', async () => {
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('only with a valid signature');
  });

  test('a tampered signature is refused with 403', async () => {
    const tampered = new URL(url);
    const sign = tampered.searchParams.get('sign') ?? '';
    expect(sign).not.toBe('');
    const flipped = (sign[0] === '0' ? '1' : '0') + sign.slice(1);
    tampered.searchParams.set('sign', flipped);
    const res = await fetch(tampered);
    expect(res.status).toBe(403);
    expect(await res.text()).not.toContain('only with a valid signature');
  });

  test('a missing signature is refused with 403', async () => {
    const bare = new URL(url);
    bare.searchParams.delete('sign');
    expect((await fetch(bare)).status).toBe(403);
  });

  test('an expires value edited into the past is refused with 403', async () => {
    const edited = new URL(url);
    edited.searchParams.set('expires', String(Math.floor(Date.now() / 1000) - 60));
    expect((await fetch(edited)).status).toBe(403);
  });

  test('an expires value edited further into the future is refused too (it is signed)', async () => {
    const edited = new URL(url);
    const expires = Number(edited.searchParams.get('expires'));
    expect(Number.isFinite(expires)).toBe(true);
    edited.searchParams.set('expires', String(expires + 3600));
    expect((await fetch(edited)).status).toBe(403);
  });

  test("one file's signature does not open another file", async () => {
    const other = await upload('signed/other.txt', Buffer.from('another file'));
    const otherUrl = new URL(await tempUrl(other));
    const forged = new URL(url);
    forged.pathname = otherUrl.pathname;
    const res = await fetch(forged);
    expect(res.status).toBe(403);
    expect(await res.text()).not.toContain('another file');
  });

  test('a URL past its maxAge is refused with 403', async () => {
    const short = await tempFile(fileID, 1);
    expect(short.status).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 2200));
    expect((await fetch(short.tempFileURL)).status).toBe(403);
  });

  test('the upload URL cannot be reused with a forged signature to overwrite a file', async () => {
    const forged = new URL(url);
    forged.pathname = forged.pathname.replace('/download/', '/upload/');
    const res = await fetch(forged, { method: 'PUT', body: 'overwritten' });
    expect(res.status).toBe(403);
    const { fileContent } = (await t.sdk.downloadFile({ fileID })) as { fileContent: Buffer };
    expect(fileContent.toString('utf8')).toBe('only with a valid signature');
  });
});

describe('download and delete', () => {
  test('downloadFile returns the bytes', async () => {
    const bytes = randomBytes(4096);
    const fileID = await upload('dl/blob.png', bytes);
    const res = (await t.sdk.downloadFile({ fileID })) as { fileContent: Buffer };
    expect(Buffer.isBuffer(res.fileContent)).toBe(true);
    expect(res.fileContent.equals(bytes)).toBe(true);
  });

  test('deleteFile removes the file: its URL stops working and getTempFileURL reports it missing', async () => {
    const fileID = await upload('dl/doomed.txt', Buffer.from('bye'));
    const url = await tempUrl(fileID);
    expect((await fetch(url)).status).toBe(200);

    const del = (await t.sdk.deleteFile({ fileList: [fileID] })) as {
      fileList: { fileID: string; status: number }[];
    };
    expect(del.fileList).toEqual([expect.objectContaining({ fileID, status: 0 })]);

    const after = await tempFile(fileID);
    expect(after.status).not.toBe(0);
    expect(after.tempFileURL).toBe('');
    expect((await fetch(url)).status).not.toBe(200);
    await expect(t.sdk.downloadFile({ fileID })).rejects.toBeDefined();
  });

  test('deleting a file twice reports the second time as a failure', async () => {
    const fileID = await upload('dl/twice.txt', Buffer.from('x'));
    await t.sdk.deleteFile({ fileList: [fileID] });
    const again = (await t.sdk.deleteFile({ fileList: [fileID] })) as { fileList: { status: number }[] };
    expect(again.fileList[0].status).not.toBe(0);
  });
});

describe('refusals', () => {
  test('a fileID of another env is refused, even when this env holds a file at that path', async () => {
    const own = await upload('shared/name.txt', Buffer.from('mine'));
    const foreign = own.replace(/^cloud:\/\/local-env\.[^/]+\//, 'cloud://other-env.other-env-1234/');
    expect(foreign).not.toBe(own);
    expect(foreign).toMatch(/^cloud:\/\/other-env\./);

    const temp = await tempFile(foreign);
    expect(temp.status).not.toBe(0);
    expect(temp.tempFileURL).toBe('');
    await expect(t.sdk.downloadFile({ fileID: foreign })).rejects.toBeDefined();

    const del = (await t.sdk.deleteFile({ fileList: [foreign] })) as { fileList: { status: number }[] };
    expect(del.fileList[0].status).not.toBe(0);
    // …and the file of this env is untouched.
    expect((await fetch(await tempUrl(own))).status).toBe(200);
  });

  test('a fileID with a bucket other than this env’s is refused', async () => {
    const own = await upload('shared/bucket.txt', Buffer.from('mine'));
    const foreign = own.replace(/^cloud:\/\/local-env\.[^/]+\//, 'cloud://local-env.someone-elses-bucket/');
    expect(foreign).not.toBe(own);
    expect((await tempFile(foreign)).status).not.toBe(0);
  });

  test.each(['../escape-NAME.txt', 'a/../../escape-NAME.txt', 'a/b/../../../../escape-NAME.txt'])(
    'the cloud path %s cannot write outside the storage folder',
    async (pattern) => {
      const name = `escape-${randomBytes(6).toString('hex')}`;
      const cloudPath = pattern.replace('escape-NAME', name);
      const before = filesUnder(t.dataDir);
      const error = await rejection(t.sdk.uploadFile({ cloudPath, fileContent: Buffer.from('escaped') }));
      expect(error.errMsg ?? error.message).toBeTruthy();
      // Nothing landed anywhere in the data folder or next to it.
      expect(filesUnder(t.dataDir).filter((f) => f.includes(name))).toEqual([]);
      expect(filesUnder(t.dataDir)).toEqual(before);
      expect(existsSync(join(dirname(t.dataDir), `${name}.txt`))).toBe(false);
      expect(existsSync(join(dirname(dirname(t.dataDir)), `${name}.txt`))).toBe(false);
    },
  );

  test('a fileID with .. cannot read files outside the storage folder (the database file)', async () => {
    expect(existsSync(join(t.dataDir, 'database.sqlite'))).toBe(true);
    const own = await upload('x/y.txt', Buffer.from('y'));
    const prefix = own.slice(0, own.length - 'x/y.txt'.length);
    for (const escape of ['../database.sqlite', 'x/../../database.sqlite']) {
      const temp = await tempFile(prefix + escape);
      expect(temp.status).not.toBe(0);
      expect(temp.tempFileURL).toBe('');
      await expect(t.sdk.downloadFile({ fileID: prefix + escape })).rejects.toBeDefined();
    }
  });

  test('a download URL path with encoded .. is refused', async () => {
    const own = await upload('x/z.txt', Buffer.from('z'));
    const url = new URL(await tempUrl(own));
    for (const path of ['/storage/download/..%2Fdatabase.sqlite', '/storage/download/x%2F..%2F..%2Fdatabase.sqlite']) {
      const res = await fetch(`${url.origin}${path}${url.search}`);
      expect(res.status).toBe(403);
      const body = Buffer.from(await res.arrayBuffer());
      expect(body.subarray(0, 6).toString('latin1')).not.toBe('SQLite');
    }
  });
});

describe('upload size', () => {
  test('an upload over the limit is refused with 413 and leaves nothing behind; one within it is stored', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'local-cloud-upload-limit-'));
    const small = await startLocalCloud({ dataDir, limits: { uploadBytes: 1024 } });
    try {
      const uploadUrl = async (path: string) => {
        const reply = await adminCall(small, 'storage.getUploadMetadata', { path });
        return (reply.data as { url: string }).url;
      };
      const big = await fetch(await uploadUrl('limit/big.bin'), { method: 'PUT', body: randomBytes(4096) });
      expect(big.status).toBe(413);
      expect(big.headers.get('x-content-type-options')).toBe('nosniff');
      expect(filesUnder(join(dataDir, 'storage'))).toEqual([]);
      const fits = await fetch(await uploadUrl('limit/small.bin'), { method: 'PUT', body: randomBytes(1024) });
      expect(fits.status).toBe(200);
      expect(filesUnder(join(dataDir, 'storage'))).toEqual(['limit/small.bin']);
    } finally {
      await small.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  test('upload URLs point at the cloud itself, download URLs at the public URL browsers reach', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'local-cloud-public-url-'));
    const split = await startLocalCloud({ dataDir, publicUrl: 'https://app.example' });
    try {
      const meta = await adminCall(split, 'storage.getUploadMetadata', { path: 'where/a.txt' });
      const uploadUrl = (meta.data as { url: string }).url;
      expect(uploadUrl.startsWith(`${split.url}/storage/upload/where/a.txt?`)).toBe(true);
      expect((await fetch(uploadUrl, { method: 'PUT', body: 'a' })).status).toBe(200);
      const reply = await adminCall(split, 'storage.batchGetDownloadUrl', {
        file_list: [{ fileid: (meta.data as { fileId: string }).fileId }],
      });
      const [file] = (reply.data as { download_list: Array<{ tempFileURL: string }> }).download_list;
      expect(file.tempFileURL.startsWith('https://app.example/storage/download/where/a.txt?')).toBe(true);
    } finally {
      await split.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe("a person's uploads: the owner is recorded, and only they may read them (仅创建者可读写)", () => {
  const save = (path: string, owner: string, bytes: Buffer = PNG_BYTES) =>
    t.cloud.storage.save(path, Readable.from([bytes]), { owner, contentType: 'image/png' });

  /** What the `fileowner` fixture function learns as `openid`: which files it may read, and their first bytes. */
  async function asking(openid: string, fileIDs: string[]): Promise<{ read: boolean[]; heads: string[] }> {
    const { outcome } = await t.cloud.invoke('fileowner', { fileIDs }, { openid });
    if (!outcome.ok) throw new Error(outcome.errMsg);
    return outcome.result as { read: boolean[]; heads: string[] };
  }

  test('save stores the bytes under a fileID of this env and records who uploaded them', async () => {
    const stored = await save('uploads/2026-03/alice-1.png', 'o-alice');
    expect(stored).toEqual({
      fileID: 'cloud://local-env.local-env-local/uploads/2026-03/alice-1.png',
      path: 'uploads/2026-03/alice-1.png',
      size: PNG_BYTES.length,
      contentType: 'image/png',
      owner: 'o-alice',
    });
    expect(t.cloud.storage.describe(stored.fileID)).toEqual(stored);
    const chunks: Buffer[] = [];
    for await (const chunk of t.cloud.storage.read(stored.fileID)) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).equals(PNG_BYTES)).toBe(true);
  });

  test("a function asks getFileAuthority (the CloudBase SDK under wx-server-sdk) which files are the caller's own", async () => {
    const mine = await save('uploads/2026-03/alice-2.png', 'o-alice');
    const theirs = await save('uploads/2026-03/bob-1.png', 'o-bob');
    const byFunction = await upload('uploads/2026-03/by-function.png', PNG_BYTES);
    const answer = await asking('o-alice', [
      mine.fileID,
      theirs.fileID,
      byFunction,
      mine.path,
      'cloud://other.env/x.png',
    ]);
    expect(answer).toEqual({ read: [true, false, false, true, false], heads: ['89504e47'] });
    expect((await asking('o-bob', [mine.fileID, theirs.fileID])).read).toEqual([false, true]);
  });

  test('a function writing over an upload makes the file its own; deleting it forgets the owner', async () => {
    const stored = await save('uploads/2026-03/alice-3.png', 'o-alice');
    await upload(stored.path, PNG_BYTES);
    expect(t.cloud.storage.describe(stored.fileID)?.owner).toBeNull();
    const again = await save('uploads/2026-03/alice-4.png', 'o-alice');
    await t.sdk.deleteFile({ fileList: [again.fileID] });
    expect(t.cloud.storage.describe(again.fileID)).toBeNull();
    expect(filesUnder(join(t.dataDir, 'storage-meta')).some((f) => f.includes('alice-4'))).toBe(false);
  });

  test('an upload whose bytes fail halfway leaves nothing; a path leaving the storage folder is refused', async () => {
    const failing = new Readable({
      read() {
        this.push(PNG_BYTES);
        this.destroy(new Error('the client went away'));
      },
    });
    await expect(
      t.cloud.storage.save('uploads/2026-03/broken.png', failing, { owner: 'o-alice', contentType: 'image/png' }),
    ).rejects.toThrow('the client went away');
    expect(filesUnder(join(t.dataDir, 'storage')).some((f) => f.includes('broken'))).toBe(false);
    expect(filesUnder(join(t.dataDir, 'storage-meta')).some((f) => f.includes('broken'))).toBe(false);
    await expect(save('../outside.png', 'o-alice')).rejects.toMatchObject({ code: 'STORAGE_SIGN_PARAM_INVALID' });
    expect(t.cloud.storage.describe('cloud://local-env.local-env-local/../outside.png')).toBeNull();
  });
});
