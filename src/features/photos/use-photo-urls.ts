import { useEffect, useState } from 'react';
import { tempFileUrl } from '../../api/client';

/** Addresses to show stored photos at (asked each time they are shown: WeChat's are temporary); null while asked. */
export function usePhotoUrls(fileIDs: string[]): (string | null)[] {
  const key = fileIDs.join('\n');
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
  return fileIDs.map((id) => urls[id] ?? null);
}
