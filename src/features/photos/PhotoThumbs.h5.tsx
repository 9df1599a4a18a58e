import type { PhotoThumbsProps } from './PhotoThumbs';
import './PhotoPicker.scss';

/** Browser: thumbnails of the photos added (plain images with their text), each with a button that removes it. */
export function PhotoThumbs({ value, onChange }: PhotoThumbsProps) {
  if (value.length === 0) return null;
  return (
    <ul className="rb-photos" aria-label="已添加的照片">
      {value.map((photo, index) => (
        <li className="rb-photos__item" key={photo.fileID}>
          <img className="rb-photos__image" src={photo.src} alt={`第${index + 1}张照片`} />
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
