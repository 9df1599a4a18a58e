import Taro from '@tarojs/taro';
import { Image } from '@tarojs/components';
import { usePhotoUrls } from './use-photo-urls';
import './PhotoPicker.scss';

export interface PhotoGalleryProps {
  /** Stored photos (fileIDs). */
  photos: string[];
  /** Addresses the function handed out for them (same order), when the viewer may not read them from storage. */
  urls?: string[];
  /** Whose photos, for the list's name (e.g. 张三的照片). */
  label: string;
}

/** Mini-program: stored photos as thumbnails; a tap opens WeChat's viewer on that photo. */
export function PhotoGallery({ photos, urls: given, label }: PhotoGalleryProps) {
  const urls = usePhotoUrls(photos, given);
  if (photos.length === 0) return null;
  const shown = urls.filter((url): url is string => url !== null);
  return (
    <ul className="rb-photos" aria-label={label}>
      {urls.map((url, index) => (
        <li className="rb-photos__item" key={photos[index]}>
          {url ? (
            <Image
              className="rb-photos__image rb-photos__image--small"
              src={url}
              mode="aspectFill"
              ariaLabel={`第${index + 1}张照片，点按查看大图`}
              onClick={() => void Taro.previewImage({ current: url, urls: shown })}
            />
          ) : (
            <span className="rb-photos__image rb-photos__image--small rb-photos__loading">照片载入中</span>
          )}
        </li>
      ))}
    </ul>
  );
}
