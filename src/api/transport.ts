// Mini-program transport: WeChat cloud functions and cloud storage (the browser build uses transport.h5.ts).
import Taro from '@tarojs/taro';
import type { CallResult } from '../../types';
import { ApiError } from './errors';
import { uploadCloudPath } from './files';
import { initBackend } from './init';

/** How the app reaches its backend; each platform's file gives the same four. */
export interface Transport {
  /** Calls cloud function `fn` with `{ action, data }` and resolves with what it returned. */
  callFunction(fn: string, event: { action: string; data: unknown }): Promise<CallResult<unknown>>;
  /** Stores a file the person chose (its temporary path) and resolves with its fileID (`cloud://…`). */
  uploadFile(filePath: string): Promise<string>;
  /** An address the app can show a stored file at (on WeChat, a temporary URL). */
  tempFileUrl(fileID: string): Promise<string>;
  /** Fetches a stored file to the device: a temporary file path (WeChat) or an object URL (browser). */
  downloadFile(fileID: string): Promise<string>;
}

export const transport: Transport = {
  async callFunction(fn, event) {
    initBackend();
    const res = await Taro.cloud.callFunction({ name: fn, data: event });
    return res.result as CallResult<unknown>;
  },

  async uploadFile(filePath) {
    initBackend();
    const res = await Taro.cloud.uploadFile({ cloudPath: uploadCloudPath(filePath), filePath });
    return res.fileID;
  },

  async tempFileUrl(fileID) {
    initBackend();
    const { fileList } = await Taro.cloud.getTempFileURL({ fileList: [fileID] });
    const file = fileList[0];
    if (!file || file.status !== 0 || !file.tempFileURL) throw new ApiError('INTERNAL');
    return file.tempFileURL;
  },

  async downloadFile(fileID) {
    initBackend();
    const res = await Taro.cloud.downloadFile({ fileID });
    return res.tempFilePath;
  },
};
