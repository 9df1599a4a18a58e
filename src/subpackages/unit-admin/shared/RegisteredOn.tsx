import type { Timestamp } from '../../../../types';
import { DateText } from '../../../components/DateText';

/** 「注册日期：2026年2月7日」 under a member in a unit admin's list. */
export function RegisteredOn({ at }: { at: Timestamp }) {
  return (
    <p className="rb-text rb-muted">
      注册日期：
      <DateText at={at} />
    </p>
  );
}
