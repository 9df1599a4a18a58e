// What the photo pieces of both builds share (a .h5.tsx file may import only types from its base file).

/** A photo the person added: its stored fileID and a local address to show it at. */
export interface Photo {
  fileID: string;
  src: string;
}

/** What the person sees while photos go up, or why one did not. */
export function uploadStatus(uploading: number, failed: string | null): string | null {
  if (uploading > 0) return `正在上传${uploading}张照片…`;
  return failed;
}

/** The hint under the picker. */
export function photoHint(max: number, count: number): string {
  return `最多${max}张，已添加${count}张`;
}

/** A chooser the person closed without choosing is not a failure. */
export function cancelled(error: unknown): boolean {
  const message = (error as { errMsg?: unknown } | null)?.errMsg;
  return typeof message === 'string' && message.includes('cancel');
}
