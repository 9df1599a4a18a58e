import type { Timestamp } from '../../types';
import { formatDate, formatTime } from '../../domain/time';

interface Props {
  at: Timestamp;
  /** Also the time of day (14:05), which may wrap to the next line as a whole. */
  time?: boolean;
  className?: string;
}

/** A date in China time that never breaks in the middle (「2025年3月8日」 stays whole on one line). */
export function DateText({ at, time, className }: Props) {
  return (
    <span className={className}>
      <span className="date-text">{formatDate(at)}</span>
      {time ? (
        <>
          {' '}
          <span className="date-text">{formatTime(at)}</span>
        </>
      ) : null}
    </span>
  );
}
