import type { Timestamp } from '../../types';
import { formatDate, formatTime } from '../../domain/time';
import './DateText.scss';

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
      <span className="rb-date">{formatDate(at)}</span>
      {time ? (
        <>
          {' '}
          <span className="rb-date">{formatTime(at)}</span>
        </>
      ) : null}
    </span>
  );
}
