import { useState } from 'react';
import { SERVICE_LIMITS } from '../../../types';
import { uploadImage } from '../../api/client';
import { asApiError } from '../../api/errors';
import { FieldFrame, describedBy } from '../../components/FieldFrame';
import type { PhotoPickerProps } from './PhotoPicker';
import { PhotoThumbs } from './PhotoThumbs';
import { type Photo, photoHint, uploadStatus } from './photos';
import './PhotoPicker.scss';

export type { Photo } from './photos';

/** Photos are sent no larger than this on their longer side. */
const LONGEST_SIDE = 1600;

/** A chosen picture, made smaller in the browser when it is larger than LONGEST_SIDE (or the picture itself). */
async function shrink(file: File): Promise<Blob> {
  try {
    const bitmap = await createImageBitmap(file);
    const scale = LONGEST_SIDE / Math.max(bitmap.width, bitmap.height);
    if (scale >= 1) return file;
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(bitmap.width * scale);
    canvas.height = Math.round(bitmap.height * scale);
    canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.7));
    return blob ?? file;
  } catch {
    return file;
  }
}

/** Browser: a file input (several at once); each picture goes to the app server's upload route. */
export function PhotoPicker(props: PhotoPickerProps) {
  const { id, label, value, onChange, max = SERVICE_LIMITS.photosMax, required, hint, error } = props;
  const [uploading, setUploading] = useState(0);
  const [failed, setFailed] = useState<string | null>(null);
  const room = max - value.length;
  const shownHint = hint ?? photoHint(max, value.length);

  const add = async (files: File[]) => {
    setFailed(null);
    const chosen = files.slice(0, room);
    if (files.length > room) setFailed(`最多${max}张，多选的没有添加`);
    setUploading(chosen.length);
    const added: Photo[] = [];
    for (const file of chosen) {
      try {
        const src = URL.createObjectURL(await shrink(file));
        const fileID = await uploadImage(src);
        added.push({ fileID, src });
      } catch (e) {
        setFailed(`有照片没有传上去：${asApiError(e).message}`);
      }
      setUploading((n) => n - 1);
    }
    if (added.length) onChange([...value, ...added]);
  };

  const status = uploadStatus(uploading, failed);
  return (
    <FieldFrame id={id} label={label} required={required} hint={shownHint} error={error}>
      <PhotoThumbs value={value} onChange={onChange} />
      {room > 0 ? (
        <input
          id={id}
          name={id}
          className="rb-photos__input"
          type="file"
          accept="image/*"
          multiple
          disabled={uploading > 0}
          aria-required={required || undefined}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, shownHint, error)}
          onChange={(e) => {
            const input = e.currentTarget;
            const files = Array.from(input.files ?? []);
            input.value = '';
            if (files.length) void add(files);
          }}
        />
      ) : null}
      {status ? (
        <p className="rb-field__hint" role="status">
          {status}
        </p>
      ) : null}
    </FieldFrame>
  );
}
