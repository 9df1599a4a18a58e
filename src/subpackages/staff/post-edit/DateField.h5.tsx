import { FieldFrame, describedBy } from '../../../components/FieldFrame';
import type { DateFieldProps } from './DateField';

/** Browser: a native date input tied to its label. */
export function DateField({ id, label, value, start, onChange, hint, error }: DateFieldProps) {
  return (
    <FieldFrame id={id} label={label} required hint={hint} error={error}>
      <input
        id={id}
        name={id}
        className="rb-input"
        type="date"
        value={value}
        min={start}
        aria-required
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        onChange={(e) => onChange(e.target.value)}
      />
    </FieldFrame>
  );
}
