import type { Remote } from '../hooks/useRemote';
import { Alert } from './Alert';
import { Loading } from './Loading';

/** What a page shows while its data loads the first time, or when loading failed. */
export function RemoteStatus<T>({ remote }: { remote: Remote<T> }) {
  return (
    <>
      <Alert message={remote.error} />
      {remote.loading && remote.data === undefined ? <Loading /> : null}
    </>
  );
}
