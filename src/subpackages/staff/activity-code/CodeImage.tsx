import { Image } from '@tarojs/components';
import './CodeImage.scss';

export interface CodeImageProps {
  src: string;
  alt: string;
}

/** Mini-program: the rotating code as a large image (no long-press menu: it is shown, never forwarded). */
export function CodeImage({ src, alt }: CodeImageProps) {
  return <Image className="rb-sign-in-code" src={src} mode="aspectFit" ariaLabel={alt} />;
}
