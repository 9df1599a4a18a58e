import { ActionButton } from '../../components/ActionButton';
import { Alert } from '../../components/Alert';
import type { ApiError } from '../../api/errors';

interface Props {
  list: { hasMore: boolean; more: () => Promise<void>; busy: boolean; error: ApiError | null };
}

/** 加载更多 under a list that has another page, with why it failed. */
export function MoreButton({ list }: Props) {
  if (!list.hasMore) return null;
  return (
    <>
      <Alert message={list.error?.message} />
      <ActionButton variant="secondary" block busy={list.busy} busyText="正在加载…" onClick={() => void list.more()}>
        加载更多
      </ActionButton>
    </>
  );
}
