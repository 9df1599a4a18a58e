import type { ReactNode } from 'react';
import type { Remote } from '../hooks/use-remote';
import { RemoteStatus } from './RemoteStatus';

interface Props<T> {
  remote: Remote<T>;
  /** What to show once the data is in (it stays while a reload runs, and after a reload fails). */
  children: (data: T) => ReactNode;
}

/** A page's loaded data, with the loading state, the error and 重试 before it is in (see RemoteStatus). */
export function Loaded<T>({ remote, children }: Props<T>) {
  return (
    <>
      <RemoteStatus remote={remote} />
      {remote.data === undefined ? null : children(remote.data)}
    </>
  );
}
