import { chinaTime } from '../../domain/time';

/** The app server's routes for files in the browser build (it has no cloud storage of its own). */
export const UPLOAD_URL = '/api/upload';
const FILE_URL = '/api/file';

const EXTENSION = /\.([A-Za-z0-9]{1,8})$/;

/** The extension of a chosen file's temporary path (`wxfile://tmp_ab.JPG` → `jpg`), `bin` when it has none. */
export function extensionOf(filePath: string): string {
  return EXTENSION.exec(filePath.split(/[?#]/)[0])?.[1].toLowerCase() ?? 'bin';
}

/** A name no other upload has: the time and 64 random bits (the mini-program has no crypto API to ask). */
export function randomName(now: number = Date.now(), random: () => number = Math.random): string {
  const part = () =>
    Math.floor(random() * 0x1_0000_0000)
      .toString(16)
      .padStart(8, '0');
  return `${now.toString(36)}-${part()}${part()}`;
}

/**
 * Where a mini-program upload goes in cloud storage: `uploads/<yyyy-mm>/<random>.<ext>`, the month in China time
 * (WeChat would overwrite a file uploaded to the same path, so the name must be new).
 */
export function uploadCloudPath(filePath: string, now: number = Date.now(), name: string = randomName(now)): string {
  return `uploads/${chinaTime(now).format('YYYY-MM')}/${name}.${extensionOf(filePath)}`;
}

/** The browser build's address of a file the signed-in person uploaded. */
export function fileUrl(fileID: string): string {
  return `${FILE_URL}?id=${encodeURIComponent(fileID)}`;
}

/** A file name for an uploaded image's form part, from its type (the server decides the stored name). */
export function uploadName(type: string): string {
  const extension = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' }[type] ?? 'bin';
  return `upload.${extension}`;
}
