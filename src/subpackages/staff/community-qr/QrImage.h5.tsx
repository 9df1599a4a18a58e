import type { QrImageProps } from './QrImage';

/** Browser: a plain <img> with its alt text. */
export function QrImage({ src, alt }: QrImageProps) {
  return <img className="community-qr" src={src} alt={alt} />;
}
