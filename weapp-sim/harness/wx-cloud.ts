import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import type { LocalCloud } from 'wx-local-cloud';
import type { Records } from './records';
import type { TempFiles } from './temp-files';
import { type Pending, respond } from './pending';

interface CloudOptions {
  cloud: LocalCloud;
  openid: string;
  appid: string;
  tempFiles: TempFiles;
  records: Records;
  pending: Pending;
}

type Callbacks<T> = { success?: (res: T) => void; fail?: (err: unknown) => void; complete?: (res: unknown) => void };

const CONTENT_TYPES: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
};

/**
 * `wx.cloud` answered by the local cloud: functions run through its runner as the chosen person (OPENID), files go to
 * and come from its storage under 仅创建者可读写 (a person reads only their own uploads), as a phone would see them.
 */
export function createWxCloud({ cloud, openid, appid, tempFiles, records, pending }: CloudOptions) {
  const answer = <T>(options: Callbacks<T>, work: () => T | Promise<T>) => respond(options, pending.run(work));
  let initialised = false;
  const refuseBeforeInit = (api: string) => () => {
    throw { errMsg: `cloud.${api}:fail 请先调用 wx.cloud.init() 完成初始化后再调用其他云 API。` };
  };

  const readable = (fileID: string) => {
    const [authority] = cloud.storage.fileAuthority(openid, [fileID]);
    return authority?.read === true && cloud.storage.describe(fileID) !== null;
  };

  return {
    init() {
      initialised = true;
    },

    callFunction(options: Callbacks<unknown> & { name: string; data?: unknown }) {
      if (!initialised) return answer(options, refuseBeforeInit('callFunction'));
      // The event crosses the network as JSON: undefined fields vanish, dates become strings.
      const event = JSON.parse(JSON.stringify(options.data ?? {})) as { action?: string };
      return answer(options, async () => {
        const { outcome } = await cloud.invoke(options.name, event, { openid, appid });
        const answered = outcome.ok ? (outcome.result as { ok?: boolean }) : undefined;
        records.calls.push({ name: options.name, action: String(event.action), ok: answered?.ok === true });
        if (!outcome.ok) throw { errCode: outcome.errCode, errMsg: `cloud.callFunction:fail ${outcome.errMsg}` };
        // The result crosses the network as JSON too, and must be made of this realm's objects: the runner's answer
        // comes from a worker thread, and WeChat's engine copies data with `instanceof Array`.
        const result = JSON.parse(JSON.stringify(outcome.result)) as unknown;
        return { errMsg: 'cloud.callFunction:ok', result, requestID: outcome.requestId };
      });
    },

    uploadFile(options: Callbacks<unknown> & { cloudPath: string; filePath: string }) {
      if (!initialised) return answer(options, refuseBeforeInit('uploadFile'));
      return answer(options, async () => {
        const bytes = tempFiles.read(options.filePath);
        if (!bytes) throw { errMsg: 'cloud.uploadFile:fail file not found' };
        const extension = (options.filePath.split('.').pop() ?? '').toLowerCase();
        const contentType = CONTENT_TYPES[extension] ?? 'application/octet-stream';
        const file = await cloud.storage.save(options.cloudPath, Readable.from(bytes), { owner: openid, contentType });
        return { errMsg: 'cloud.uploadFile:ok', fileID: file.fileID, statusCode: 200 };
      });
    },

    getTempFileURL(options: Callbacks<unknown> & { fileList: string[] }) {
      if (!initialised) return answer(options, refuseBeforeInit('getTempFileURL'));
      return answer(options, () => {
        const { download_list: list } = cloud.storage.batchGetDownloadUrl({
          file_list: options.fileList.map((fileid) => ({ fileid })),
        });
        const fileList = list.map((file) =>
          readable(file.fileID) && file.code === 'SUCCESS'
            ? { fileID: file.fileID, tempFileURL: file.tempFileURL, maxAge: file.maxAge, status: 0, errMsg: 'ok' }
            : { fileID: file.fileID, tempFileURL: '', maxAge: 0, status: -1, errMsg: 'STORAGE_EXCEED_AUTHORITY' },
        );
        return { errMsg: 'cloud.getTempFileURL:ok', fileList };
      });
    },

    downloadFile(options: Callbacks<unknown> & { fileID: string }) {
      if (!initialised) return answer(options, refuseBeforeInit('downloadFile'));
      return answer(options, async () => {
        if (!readable(options.fileID)) throw { errMsg: 'cloud.downloadFile:fail STORAGE_EXCEED_AUTHORITY' };
        const bytes = await buffer(cloud.storage.read(options.fileID));
        const extension = options.fileID.split('.').pop() ?? 'bin';
        return { errMsg: 'cloud.downloadFile:ok', tempFilePath: tempFiles.add(bytes, extension), statusCode: 200 };
      });
    },
  };
}

/** The one-time code WeChat's phone button hands the page; the local cloud's phone API reads 11 digits as the number. */
export function phoneCodeFor(phone: string): string {
  if (!/^1\d{10}$/.test(phone))
    throw new Error(`the local cloud's phone API takes an 11-digit mobile number: ${phone}`);
  return phone;
}
