import type { CheckboxFieldProps } from './CheckboxField';
import './CheckboxField.scss';

/** Browser checkbox: a native <input type="checkbox"> inside its <label>. */
export function CheckboxField({ id, label, checked, onChange }: CheckboxFieldProps) {
  return (
    <label className="rb-check" htmlFor={id}>
      <input
        id={id}
        name={id}
        className="rb-check__input"
        type="checkbox"
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
      />
      <span>{label}</span>
    </label>
  );
}
