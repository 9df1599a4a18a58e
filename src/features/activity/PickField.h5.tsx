import { FieldFrame, describedBy } from '../../components/FieldFrame';
import type { PickFieldProps } from './PickField';

/** Browser: native date and time inputs and a <select>, each tied to its label. */
export function PickField({ id, label, mode, value, onChange, options = [], hint, required }: PickFieldProps) {
  const common = {
    id,
    name: id,
    className: 'rb-input',
    value,
    'aria-required': required || undefined,
    'aria-describedby': describedBy(id, hint, null),
  };
  return (
    <FieldFrame id={id} label={label} hint={hint} required={required}>
      {mode === 'selector' ? (
        <select {...common} onChange={(e) => onChange(e.target.value)}>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      ) : (
        <input {...common} type={mode} onChange={(e) => onChange(e.target.value)} />
      )}
    </FieldFrame>
  );
}
