import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useDidHide, useDidShow } from '@tarojs/taro';
import { ApiError, asApiError } from '../api/errors';

export interface Remote<T> {
  /** The last data loaded (kept while a reload runs or after a reload fails). */
  data: T | undefined;
  /** Why the last load failed (its `code` says whether it was a refusal or no network), or null. */
  error: ApiError | null;
  loading: boolean;
  reload: () => Promise<void>;
  /** Replace the loaded data locally (after a successful write). */
  setData: (data: T) => void;
}

/** Data loaded only when `reload` is called; `loading` is true until the first load has ended. */
export function useLoader<T>(load: () => Promise<T>): Remote<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(true);
  const loadRef = useRef(load);
  useEffect(() => {
    loadRef.current = load;
  });
  const seq = useRef(0);

  const reload = useCallback(async () => {
    const mine = (seq.current += 1);
    setLoading(true);
    try {
      const next = await loadRef.current();
      if (mine !== seq.current) return;
      setData(next);
      setError(null);
    } catch (e) {
      if (mine !== seq.current) return;
      setError(asApiError(e));
    } finally {
      if (mine === seq.current) setLoading(false);
    }
  }, []);

  return useMemo(() => ({ data, error, loading, reload, setData }), [data, error, loading, reload]);
}

/**
 * A page's data: loaded when the page opens and again whenever it is shown after being hidden (back from another
 * page, a tab switch, the app coming back to the foreground) — not on the first show, which follows the mount.
 */
export function useRemote<T>(load: () => Promise<T>): Remote<T> {
  const remote = useLoader(load);
  const { reload } = remote;
  useEffect(() => {
    void reload();
  }, [reload]);
  const hidden = useRef(false);
  useDidHide(() => {
    hidden.current = true;
  });
  useDidShow(() => {
    if (!hidden.current) return;
    hidden.current = false;
    void reload();
  });
  return remote;
}

/** Two loads a page needs together, as one: in when both are, failed when either failed; 重试 reloads both. */
export function both<A, B>(a: Remote<A>, b: Remote<B>): Remote<[A, B]> {
  return {
    data: a.data === undefined || b.data === undefined ? undefined : [a.data, b.data],
    error: a.error ?? b.error,
    loading: a.loading || b.loading,
    reload: async () => {
      await Promise.all([a.reload(), b.reload()]);
    },
    setData: ([dataA, dataB]) => {
      a.setData(dataA);
      b.setData(dataB);
    },
  };
}
