import qrcode from 'qrcode-generator';
import { codeStep, makeCode, signInUrl } from '../../../domain/sign-in-code';

/** The URL a sign-in code carries at `at` (the server's time), for this activity's key. */
export function signInUrlAt(
  prefix: string,
  activityId: string,
  secret: string,
  codeSeconds: number,
  at: number,
): string {
  return signInUrl(prefix, makeCode(activityId, codeStep(at, codeSeconds), secret));
}

/** A plain QR of `text` as a GIF data URL: 8 px a module and the standard 4-module quiet zone. */
export function qrDataUrl(text: string): string {
  const qr = qrcode(0, 'M');
  qr.addData(text);
  qr.make();
  return qr.createDataURL(8, 4);
}
