import { Image } from '@tarojs/components';
import './QrImage.scss';

export interface QrImageProps {
  src: string;
  alt: string;
}

/** Mini-program: the code as an image that can be saved or forwarded by a long press. */
export function QrImage({ src, alt }: QrImageProps) {
  return <Image className="rb-qr-image" src={src} mode="aspectFit" showMenuByLongpress ariaLabel={alt} />;
}
