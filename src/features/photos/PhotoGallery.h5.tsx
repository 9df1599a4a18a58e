import type { PhotoGalleryProps } from './PhotoGallery';
import { usePhotoUrls } from './use-photo-urls';
import './PhotoPicker.scss';

/** Browser: stored photos as thumbnails, each a link that opens the photo itself in a new tab. */
export function PhotoGallery({ photos, urls: given, label }: PhotoGalleryProps) {
  const urls = usePhotoUrls(photos, given);
  if (photos.length === 0) return null;
  return (
    <ul className="rb-photos" aria-label={label}>
      {urls.map((url, index) => (
        <li className="rb-photos__item" key={photos[index]}>
          {url ? (
            <a href={url} target="_blank" rel="noreferrer" className="rb-photos__link">
              <img
                className="rb-photos__image rb-photos__image--small"
                src={url}
                alt={`第${index + 1}张照片，打开大图`}
              />
            </a>
          ) : (
            <span className="rb-photos__image rb-photos__image--small rb-photos__loading">照片载入中</span>
          )}
        </li>
      ))}
    </ul>
  );
}
