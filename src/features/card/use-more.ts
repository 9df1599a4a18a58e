import { useState } from 'react';
import type { Paged } from '../../../types';
import { useAction } from '../../hooks/use-action';

interface Loaded<T> {
  /** The first page these pages follow (a reload of the page starts again). */
  first: Paged<T> | undefined;
  items: T[];
  next: string | null;
}

/** A list's first page (loaded with the page) and the pages 加载更多 adds after it. */
export function useMore<T>(first: Paged<T> | undefined, loadPage: (cursor: string) => Promise<Paged<T>>) {
  const [loaded, setLoaded] = useState<Loaded<T>>({ first: undefined, items: [], next: null });
  const current = loaded.first === first ? loaded : { first, items: [], next: first?.next ?? null };
  const action = useAction(loadPage);
  const more = async () => {
    if (!current.next) return;
    const page = await action.run(current.next);
    if (page) setLoaded({ first, items: [...current.items, ...page.items], next: page.next });
  };
  return {
    items: [...(first?.items ?? []), ...current.items],
    hasMore: current.next !== null,
    more,
    busy: action.busy,
    error: action.error,
  };
}
