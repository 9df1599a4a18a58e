import { FieldFrame, describedBy } from '../../../components/FieldFrame';
import type { WhenFieldProps } from './WhenField';

/** Browser: a native date or time input tied to its label. */
export function WhenField({ id, label, mode, value, onChange, end, error }: WhenFieldProps) {
  return (
    <FieldFrame id={id} label={label} required error={error}>
      <input
        id={id}
        name={id}
        className="rb-input"
        type={mode}
        value={value}
        max={mode === 'date' ? end : undefined}
        aria-required
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, undefined, error)}
        onChange={(e) => onChange(e.target.value)}
      />
    </FieldFrame>
  );
}
