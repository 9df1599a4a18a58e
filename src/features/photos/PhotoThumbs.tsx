import { Image } from '@tarojs/components';
import type { Photo } from './photos';
import './PhotoPicker.scss';

export interface PhotoThumbsProps {
  value: Photo[];
  onChange: (photos: Photo[]) => void;
}

/** Mini-program: thumbnails of the photos added, each with a button that removes it. */
export function PhotoThumbs({ value, onChange }: PhotoThumbsProps) {
  if (value.length === 0) return null;
  return (
    <ul className="rb-photos" aria-label="已添加的照片">
      {value.map((photo, index) => (
        <li className="rb-photos__item" key={photo.fileID}>
          <Image className="rb-photos__image" src={photo.src} mode="aspectFill" ariaLabel={`第${index + 1}张照片`} />
          <button
            type="button"
            className="rb-photos__remove"
            aria-label={`删除第${index + 1}张照片`}
            onClick={() => onChange(value.filter((p) => p.fileID !== photo.fileID))}
          >
            删除
          </button>
        </li>
      ))}
    </ul>
  );
}
