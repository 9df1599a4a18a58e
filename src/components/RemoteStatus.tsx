import { ERRORS, type ErrorCode } from '../../types';
import type { Remote } from '../hooks/useRemote';
import { ActionButton } from './ActionButton';
import { Alert } from './Alert';
import { Loading } from './Loading';

/** Failures that may pass by themselves: no network (no code), a busy or failing server. */
const RETRYABLE: ReadonlySet<ErrorCode> = new Set<ErrorCode>(['INTERNAL', 'BUSY']);

/**
 * What a page shows while its data loads the first time, or when loading failed: a refusal to load the page says the
 * page is not for this person (not the action's wording); a failure that may pass offers 重试.
 */
export function RemoteStatus<T>({ remote }: { remote: Remote<T> }) {
  const { error, errorCode } = remote;
  const retryable = Boolean(error) && (errorCode === null || RETRYABLE.has(errorCode));
  return (
    <>
      <Alert message={errorCode === 'FORBIDDEN' ? ERRORS.PAGE_NOT_FOR_YOU : error} />
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
