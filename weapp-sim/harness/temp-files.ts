import { randomBytes } from 'node:crypto';

/** The phone's temporary files: what the person chose or downloaded, by the temporary path WeChat hands the page. */
export class TempFiles {
  private readonly files = new Map<string, Buffer>();

  add(bytes: Buffer, extension: string): string {
    const path = `wxfile://tmp_${randomBytes(8).toString('hex')}.${extension.replace(/^\./, '')}`;
    this.files.set(path, bytes);
    return path;
  }

  read(path: string): Buffer | undefined {
    return this.files.get(path);
  }
}
