import { useState } from 'react';
import Taro from '@tarojs/taro';
import { SERVICE_LIMITS } from '../../../types';
import { uploadImage } from '../../api/client';
import { asApiError } from '../../api/errors';
import { FieldFrame } from '../../components/FieldFrame';
import { PhotoThumbs } from './PhotoThumbs';
import { type Photo, cancelled, photoHint, uploadStatus } from './photos';
import './PhotoPicker.scss';

export type { Photo } from './photos';

export interface PhotoPickerProps {
  id: string;
  label: string;
  value: Photo[];
  onChange: (photos: Photo[]) => void;
  /** At most this many (default SERVICE_LIMITS.photosMax). */
  max?: number;
  required?: boolean;
  hint?: string;
  error?: string | null;
}

/**
 * Mini-program: chooseMedia (album or camera, compressed), compressImage, then each uploaded to cloud storage; the
 * browser build uses a file input (PhotoPicker.h5.tsx).
 */
export function PhotoPicker(props: PhotoPickerProps) {
  const { id, label, value, onChange, max = SERVICE_LIMITS.photosMax, required, hint, error } = props;
  const [uploading, setUploading] = useState(0);
  const [failed, setFailed] = useState<string | null>(null);
  const room = max - value.length;

  const choose = async () => {
    setFailed(null);
    let paths: string[];
    try {
      const chosen = await Taro.chooseMedia({ count: room, mediaType: ['image'], sizeType: ['compressed'] });
      paths = chosen.tempFiles.map((file) => file.tempFilePath).slice(0, room);
    } catch (e) {
      if (!cancelled(e)) setFailed('没有打开相册，请再试一次');
      return;
    }
    setUploading(paths.length);
    const added: Photo[] = [];
    for (const path of paths) {
      try {
        const small = await Taro.compressImage({ src: path, quality: 70 })
          .then((res) => res.tempFilePath)
          .catch(() => path);
        const fileID = await uploadImage(small);
        added.push({ fileID, src: small });
      } catch (e) {
        setFailed(`有照片没有传上去：${asApiError(e).message}`);
      }
      setUploading((n) => n - 1);
    }
    if (added.length) onChange([...value, ...added]);
  };

  const status = uploadStatus(uploading, failed);
  return (
    <FieldFrame id={id} label={label} required={required} hint={hint ?? photoHint(max, value.length)} error={error}>
      <PhotoThumbs value={value} onChange={onChange} />
      {room > 0 ? (
        <button
          id={id}
          type="button"
          className="rb-btn rb-photos__add"
          disabled={uploading > 0}
          onClick={() => void choose()}
        >
          添加照片
        </button>
      ) : null}
      {status ? (
        <p className="rb-field__hint" role="status">
          {status}
        </p>
      ) : null}
    </FieldFrame>
  );
}
