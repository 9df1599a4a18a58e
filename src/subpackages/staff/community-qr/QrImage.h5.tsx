import type { QrImageProps } from './QrImage';
import './QrImage.scss';

/** Browser: a plain <img> with its alt text. */
export function QrImage({ src, alt }: QrImageProps) {
  return <img className="rb-qr-image" src={src} alt={alt} />;
}
