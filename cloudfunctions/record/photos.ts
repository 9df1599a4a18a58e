import { IMAGE_SNIFF_BYTES, imageTypeOf } from '../../domain/image';
import { AppError } from '../_shared/errors';
import { fileHead, filesOwnedByCaller } from '../_shared/sdk';

/**
 * Refuses photos that are not each the caller's own upload (storage.getFileAuthority for their OPENID) and an image by
 * its first bytes (a JPEG, PNG or WebP), or that name one file twice.
 */
export async function checkPhotos(photos: string[]): Promise<void> {
  if (new Set(photos).size !== photos.length) throw new AppError('PHOTO_INVALID');
  const owned = await filesOwnedByCaller(photos).catch(() => new Set<string>());
  if (photos.some((photo) => !owned.has(photo))) throw new AppError('PHOTO_INVALID');
  const heads = await Promise.all(photos.map((photo) => fileHead(photo, IMAGE_SNIFF_BYTES).catch(() => null)));
  if (heads.some((head) => !head || imageTypeOf(head) === null)) throw new AppError('PHOTO_INVALID');
}
