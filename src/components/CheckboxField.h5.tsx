import type { CheckboxFieldProps } from './CheckboxField';

/** Browser checkbox: a native <input type="checkbox"> inside its <label>. */
export function CheckboxField({ id, label, checked, onChange }: CheckboxFieldProps) {
  return (
    <label className="check" htmlFor={id}>
      <input
        id={id}
        name={id}
        className="check-input"
        type="checkbox"
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
      />
      <span>{label}</span>
    </label>
  );
}
