import type { ReactNode } from 'react';
import './Notice.scss';

interface Props {
  /** `ok` for something that just went well (green); otherwise a note to heed (amber). */
  tone?: 'note' | 'ok';
  /** `status` when it appears in answer to what the person did, so screen readers read it out. */
  role?: 'status';
  children: ReactNode;
}

/** A boxed sentence the person should not miss that is not an error. */
export function Notice({ tone = 'note', role, children }: Props) {
  return (
    <p className={tone === 'ok' ? 'rb-notice rb-notice--ok' : 'rb-notice'} role={role}>
      {children}
    </p>
  );
}
