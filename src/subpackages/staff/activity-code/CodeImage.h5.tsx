import type { CodeImageProps } from './CodeImage';
import './CodeImage.scss';

/** Browser: a plain <img>, drawn with sharp modules. */
export function CodeImage({ src, alt }: CodeImageProps) {
  return <img className="rb-sign-in-code" src={src} alt={alt} />;
}
