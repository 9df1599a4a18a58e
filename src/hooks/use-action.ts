import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, asApiError } from '../api/errors';

export interface Action<Args extends unknown[], R> {
  /** Runs the write; resolves with its result, or undefined when it failed (see `error`) or one was already running. */
  run: (...args: Args) => Promise<R | undefined>;
  busy: boolean;
  /** Why the last run failed, with its code; null while running and after a success. */
  error: ApiError | null;
  /** The last successful result. */
  data: R | undefined;
  /** Forgets the last error and result (e.g. when the form they were about is sent again or left). */
  reset: () => void;
}

/** A write a page makes (check in, register, decide): one at a time, with its busy state, error and result. */
export function useAction<Args extends unknown[], R>(fn: (...args: Args) => Promise<R>): Action<Args, R> {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [data, setData] = useState<R | undefined>(undefined);
  const fnRef = useRef(fn);
  useEffect(() => {
    fnRef.current = fn;
  });
  const running = useRef(false);

  const run = useCallback(async (...args: Args) => {
    if (running.current) return undefined;
    running.current = true;
    setBusy(true);
    setError(null);
    try {
      const result = await fnRef.current(...args);
      setData(result);
      return result;
    } catch (e) {
      setError(asApiError(e));
      return undefined;
    } finally {
      running.current = false;
      setBusy(false);
    }
  }, []);

  const reset = useCallback(() => {
    setError(null);
    setData(undefined);
  }, []);

  return { run, busy, error, data, reset };
}
