import { ERRORS } from '../../types';
import type { ClientErrorCode } from '../api/errors';
import type { Remote } from '../hooks/use-remote';
import { ActionButton } from './ActionButton';
import { Alert } from './Alert';
import { Loading } from './Loading';

/** Failures that may pass by themselves: no network, a busy or failing server. */
const RETRYABLE: ReadonlySet<ClientErrorCode> = new Set<ClientErrorCode>(['OFFLINE', 'INTERNAL', 'BUSY']);

/**
 * What a page shows while its data loads the first time, or when loading failed: a refusal to load the page says the
 * page is not for this person (not the action's wording); a failure that may pass offers 重试.
 */
export function RemoteStatus<T>({ remote }: { remote: Remote<T> }) {
  const { error } = remote;
  const retryable = error !== null && RETRYABLE.has(error.code);
  return (
    <>
      <Alert message={error?.code === 'FORBIDDEN' ? ERRORS.PAGE_NOT_FOR_YOU : error?.message} />
      {retryable ? (
        <ActionButton
          block
          variant="secondary"
          busy={remote.loading}
          busyText="正在重试…"
          onClick={() => void remote.reload()}
        >
          重试
        </ActionButton>
      ) : null}
      {remote.loading && remote.data === undefined && !error ? <Loading /> : null}
    </>
  );
}
