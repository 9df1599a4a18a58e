import { useEffect, useState } from 'react';
import { tempFileUrl } from '../../api/client';

/**
 * Addresses to show stored photos at: those the function handed out (`given`, same order), or else asked from
 * storage each time they are shown (WeChat's are temporary; only the uploader may ask); null while asked.
 */
export function usePhotoUrls(fileIDs: string[], given?: string[]): (string | null)[] {
  const handed = given !== undefined && given.length === fileIDs.length;
  const key = handed ? '' : fileIDs.join('\n');
  const [urls, setUrls] = useState<Record<string, string>>({});
  useEffect(() => {
    let live = true;
    const ids = key ? key.split('\n') : [];
    void Promise.all(
      ids.map((id) =>
        tempFileUrl(id).then(
          (url) => [id, url] as const,
          () => null,
        ),
      ),
    ).then((pairs) => {
      if (!live) return;
      setUrls(Object.fromEntries(pairs.filter((pair): pair is readonly [string, string] => pair !== null)));
    });
    return () => {
      live = false;
    };
  }, [key]);
  return handed ? given : fileIDs.map((id) => urls[id] ?? null);
}
