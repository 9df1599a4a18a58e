// Browser transport: the app server answers POST /api/<function> with the function's CallResult, stores uploads
// (POST /api/upload) and serves a person's own files (GET /api/file).
import type { CallResult, ErrorCode } from '../../types';
import { ApiError } from './errors';
import { UPLOAD_URL, fileUrl, uploadName } from './files';
import type { Transport } from './transport';

/** Signed out: the sign-in page accepts only a path on this server; the hash carries the page and its scene. */
function signInFirst(): never {
  const { pathname, search, hash } = window.location;
  window.location.href = '/dev/login?next=' + encodeURIComponent(pathname + search + hash);
  throw new ApiError('NOT_SIGNED_IN');
}

async function readJson(res: Response): Promise<unknown> {
  try {
    return await res.json();
  } catch {
    throw new ApiError('INTERNAL');
  }
}

/** A refusal the server explained (`{ ok: false, code, message }`), or INTERNAL. */
async function refusal(res: Response): Promise<ApiError> {
  const body = (await readJson(res).catch(() => null)) as { ok?: boolean; code?: ErrorCode; message?: string } | null;
  return body && body.ok === false && body.code ? new ApiError(body.code, body.message) : new ApiError('INTERNAL');
}

export const transport: Transport = {
  async callFunction(fn, event) {
    const res = await fetch('/api/' + fn, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify(event),
    });
    if (res.status === 401) signInFirst();
    return (await readJson(res)) as CallResult<unknown>;
  },

  async uploadFile(filePath) {
    // Taro's chooseImage gives the browser build a blob: URL of the chosen picture.
    const blob = await (await fetch(filePath)).blob();
    const form = new FormData();
    form.append('file', blob, uploadName(blob.type));
    const res = await fetch(UPLOAD_URL, { method: 'POST', credentials: 'same-origin', body: form });
    if (res.status === 401) signInFirst();
    if (!res.ok) throw await refusal(res);
    const { fileID } = (await readJson(res)) as { fileID?: unknown };
    if (typeof fileID !== 'string') throw new ApiError('INTERNAL');
    return fileID;
  },

  async tempFileUrl(fileID) {
    return fileUrl(fileID);
  },

  async downloadFile(fileID) {
    const res = await fetch(fileUrl(fileID), { credentials: 'same-origin' });
    if (res.status === 401) signInFirst();
    if (!res.ok) throw await refusal(res);
    return URL.createObjectURL(await res.blob());
  },
};
