import { FieldFrame, describedBy } from './FieldFrame';
import type { PickFieldProps } from './PickField';

/** Browser: a native date or time input, or a <select>, tied to its label, hint and error. */
export function PickField(props: PickFieldProps) {
  const { id, label, mode, value, onChange, options = [], placeholder, start, end, hint, error, required } = props;
  const common = {
    id,
    name: id,
    className: 'rb-input',
    value,
    'aria-required': required || undefined,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy(id, hint, error ?? null),
  };
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} required={required}>
      {mode === 'selector' ? (
        <select {...common} onChange={(e) => onChange(e.target.value)}>
          {placeholder ? <option value="">{placeholder}</option> : null}
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      ) : (
        <input {...common} type={mode} min={start} max={end} onChange={(e) => onChange(e.target.value)} />
      )}
    </FieldFrame>
  );
}
