import { Image } from '@tarojs/components';

export interface QrImageProps {
  src: string;
  alt: string;
}

/** Mini-program: the code as an image that can be saved or forwarded by a long press. */
export function QrImage({ src, alt }: QrImageProps) {
  return <Image className="community-qr" src={src} mode="aspectFit" showMenuByLongpress ariaLabel={alt} />;
}
