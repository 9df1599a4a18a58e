import { type ReactNode, createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { useDidHide, useDidShow } from '@tarojs/taro';
import type { Me } from '../../types';
import { call } from '../api/client';
import { type Remote, useLoader } from './use-remote';

interface MeContextValue {
  me: Remote<Me>;
  /** Starts the first load (once: later calls do nothing). */
  start: () => void;
  /** Loads it again if it was loaded (otherwise the first page that needs it loads it fresh anyway). */
  refresh: () => Promise<void>;
  /** Loads it now: the first load, or again. */
  load: () => void;
}

const MeContext = createContext<MeContextValue | null>(null);

const loadMe = () => call('user', 'getMe', {});

/**
 * Who the signed-in person is, for every page: loaded once, when the first page asks for it, then again only when
 * asked (`reload` after a write that changes it) and when the app comes back to the foreground.
 */
export function MeProvider({ children }: { children: ReactNode }) {
  const me = useLoader(loadMe);
  const started = useRef(false);
  const hidden = useRef(false);
  const { reload } = me;

  const start = useCallback(() => {
    if (started.current) return;
    started.current = true;
    void reload();
  }, [reload]);

  const refresh = useCallback(() => (started.current ? reload() : Promise.resolve()), [reload]);

  const load = useCallback(() => {
    started.current = true;
    void reload();
  }, [reload]);

  useDidHide(() => {
    hidden.current = true;
  });
  useDidShow(() => {
    if (!hidden.current || !started.current) return;
    hidden.current = false;
    void reload();
  });

  const value = useMemo(() => ({ me, start, refresh, load }), [me, start, refresh, load]);
  return <MeContext.Provider value={value}>{children}</MeContext.Provider>;
}

/** The signed-in person (`reload()` refreshes it for every page, e.g. after registering or checking in). */
export function useMe(): Remote<Me> {
  const { me, start } = useMeContext();
  useEffect(start, [start]);
  return me;
}

/**
 * Who the person is as of now, for a page whose offer depends on decisions others make (the unit admin confirming a
 * member): loaded again when the page opens, and not in until that load is (the page never offers from an old copy).
 */
export function useFreshMe(): Remote<Me> {
  const { me, load } = useMeContext();
  // The copy there was when the page opened: any other is a load that ended since.
  const [old] = useState(me.data);
  useEffect(load, [load]);
  const fresh = me.data !== old;
  return useMemo(
    () => (fresh ? me : { ...me, data: undefined, loading: me.loading || me.error === null }),
    [fresh, me],
  );
}

/** For a page that changes who the person is without showing it (deleting their data): refreshes it for the others. */
export function useRefreshMe(): () => Promise<void> {
  return useMeContext().refresh;
}

function useMeContext(): MeContextValue {
  const context = useContext(MeContext);
  if (!context) throw new Error('useMe needs <MeProvider> (src/app.ts)');
  return context;
}
