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
