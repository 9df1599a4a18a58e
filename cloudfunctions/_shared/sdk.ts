// The only module that touches wx-server-sdk: everything else goes through what it exports.
import cloud from 'wx-server-sdk';

cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });

// throwOnNotFound:false makes doc(id).get() of a missing document answer {data: null}; the SDK's typings omit it.
// The database is for the typed data layer (data.ts) only: nothing else reads or writes through the SDK.
export const database = cloud.database({ throwOnNotFound: false } as Parameters<typeof cloud.database>[0]);

/** Runs `work` in one database transaction, handing it the SDK's transaction (typed `any` by the SDK). */
export function runTransaction<T>(work: (transaction: unknown) => Promise<T>): Promise<T> {
  return database.runTransaction(work) as Promise<T>;
}

/** The caller's OPENID, as the platform puts it in the function's context (never from the request). */
export function callerOpenId(): string {
  return cloud.getWXContext().OPENID ?? '';
}

/** A permanent mini-program code whose `scene` names the target (wxacode.getUnlimited). */
export async function unlimitedQrCode(scene: string, page: string): Promise<Buffer> {
  const result = (await cloud.openapi.wxacode.getUnlimited({ scene, page, checkPath: false, width: 430 })) as {
    buffer: Buffer;
  };
  return result.buffer;
}

/** The phone number behind a `getPhoneNumber` button's code, or null when the code is refused. */
export async function phoneNumberFromCode(code: string): Promise<string | null> {
  try {
    const result = (await cloud.openapi.phonenumber.getPhoneNumber({ code })) as {
      phoneInfo?: { purePhoneNumber?: string };
    };
    return result.phoneInfo?.purePhoneNumber ?? null;
  } catch {
    return null;
  }
}

/** Whether WeChat's content check flags text that is to be shown publicly (security.msgSecCheck v2). */
export async function isTextRisky(openid: string, content: string): Promise<boolean> {
  const result = (await cloud.openapi.security.msgSecCheck({ openid, scene: 1, version: 2, content })) as {
    result?: { suggest?: string };
  };
  return result.result?.suggest !== 'pass';
}

/** A subscribe message as subscribeMessage.send takes it (camelCase: the SDK turns keys into snake_case). */
export interface SubscribeMessage {
  touser: string;
  templateId: string;
  page: string;
  data: Record<string, { value: string }>;
}

/** Sends a subscribe message; answers WeChat's errcode when it refuses (43101: the person's grant is used up). */
export async function sendSubscribeMessage(
  message: SubscribeMessage,
): Promise<{ ok: true } | { ok: false; errCode: number }> {
  try {
    await cloud.openapi.subscribeMessage.send({ ...message });
    return { ok: true };
  } catch (error) {
    const errCode = (error as { errCode?: unknown }).errCode;
    return { ok: false, errCode: typeof errCode === 'number' ? errCode : -1 };
  }
}

/** The part of the SDK's own storage client (@cloudbase/node-sdk, inside wx-server-sdk) that wx-server-sdk does not export. */
interface StorageClient {
  getFileAuthority(options: {
    fileList: Array<{ type: 'READ' | 'WRITE' | 'READWRITE'; path: string }>;
  }): Promise<{ data?: Array<{ path: string; read: boolean }>; code?: string }>;
}

/**
 * wx-server-sdk hands a registered service its internal instance (`createService(cloud)`); that instance holds the
 * storage client it was initialised with, which answers storage.getFileAuthority for the invocation's OPENID.
 */
let internalCloud: { instance?: StorageClient } | null = null;
(
  cloud as unknown as { registerService(provider: { createService(internal: unknown): { name: string } }): void }
).registerService({
  createService(internal) {
    internalCloud = internal as { instance?: StorageClient };
    return { name: 'rb-file-authority' };
  },
});

/**
 * The fileIDs among `fileIds` that the caller uploaded from their own device: under the storage rule 仅创建者可读写 a
 * person may read exactly their own uploads (storage.getFileAuthority, asked for the invocation's OPENID).
 */
export async function filesOwnedByCaller(fileIds: string[]): Promise<Set<string>> {
  const client = internalCloud?.instance;
  if (!client || fileIds.length === 0) return new Set();
  const answer = await client.getFileAuthority({ fileList: fileIds.map((path) => ({ type: 'READ', path })) });
  if (answer.code || !Array.isArray(answer.data)) return new Set();
  return new Set(answer.data.filter((file) => file.read === true).map((file) => file.path));
}

/** The first `bytes` bytes of a stored file (enough to tell its type by), or null when there is no such file. */
export async function fileHead(fileId: string, bytes: number): Promise<Uint8Array | null> {
  const answer = (await Promise.resolve(cloud.getTempFileURL({ fileList: [fileId] })).catch(() => null)) as {
    fileList?: Array<{ status: number; tempFileURL: string }>;
  } | null;
  const found = answer?.fileList?.[0];
  if (!found || found.status !== 0 || !found.tempFileURL) return null;
  const response = await fetch(found.tempFileURL, { headers: { range: `bytes=0-${bytes - 1}` } });
  if (!response.ok || !response.body) return null;
  const reader = response.body.getReader();
  const head = new Uint8Array(bytes);
  let filled = 0;
  try {
    while (filled < bytes) {
      const { done, value } = await reader.read();
      if (done) break;
      const take = value.subarray(0, bytes - filled);
      head.set(take, filled);
      filled += take.length;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  return head.subarray(0, filled);
}

/** getTempFileURL takes at most 50 files a call. */
const TEMP_URLS_PER_CALL = 50;

/**
 * Temporary addresses of stored files, for showing them to someone who may not read them directly (staff weighing a
 * member's photos under 仅创建者可读写); a file that is gone has no entry.
 */
export async function temporaryFileUrls(fileIds: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(fileIds)];
  const urls = new Map<string, string>();
  for (let from = 0; from < unique.length; from += TEMP_URLS_PER_CALL) {
    const fileList = unique.slice(from, from + TEMP_URLS_PER_CALL);
    const answer = (await cloud.getTempFileURL({ fileList })) as {
      fileList?: Array<{ fileID: string; status: number; tempFileURL: string }>;
    };
    for (const file of answer.fileList ?? []) {
      if (file.status === 0 && file.tempFileURL) urls.set(file.fileID, file.tempFileURL);
    }
  }
  return urls;
}
