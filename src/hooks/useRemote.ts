import { useCallback, useEffect, useRef, useState } from 'react';
import { useDidShow } from '@tarojs/taro';
import type { ErrorCode } from '../../types';
import { ApiError, errorMessage } from '../api/client';

export interface Remote<T> {
  data: T | undefined;
  error: string | null;
  /** The function's refusal code, or null when the last load failed before reaching it (offline) or did not fail. */
  errorCode: ErrorCode | null;
  loading: boolean;
  reload: () => Promise<void>;
  /** Replace the loaded data locally (after a successful write). */
  setData: (data: T) => void;
}

/** Loads data when the page opens and again whenever it is shown again (back from another page, tab switch). */
export function useRemote<T>(load: () => Promise<T>): Remote<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [errorCode, setErrorCode] = useState<ErrorCode | null>(null);
  const [loading, setLoading] = useState(true);
  const loadRef = useRef(load);
  loadRef.current = load;
  const seq = useRef(0);
  const startedAt = useRef(0);

  const reload = useCallback(async () => {
    const mine = (seq.current += 1);
    startedAt.current = Date.now();
    setLoading(true);
    try {
      const next = await loadRef.current();
      if (mine !== seq.current) return;
      setData(next);
      setError(null);
      setErrorCode(null);
    } catch (e) {
      if (mine !== seq.current) return;
      setError(errorMessage(e));
      setErrorCode(e instanceof ApiError ? e.code : null);
    } finally {
      if (mine === seq.current) setLoading(false);
    }
  }, []);

  useEffect(() => {
    void reload();
  }, [reload]);

  // The first show comes right after mounting: skip it when a load has just started.
  useDidShow(() => {
    if (Date.now() - startedAt.current > 1000) void reload();
  });

  return { data, error, errorCode, loading, reload, setData };
}
