import { FieldFrame, describedBy } from '../../components/FieldFrame';
import type { UnitSelectProps } from './UnitSelect';

/** Browser: a native <select> tied to its label. */
export function UnitSelect({ id, label, units, value, onChange, required, error, hint }: UnitSelectProps) {
  return (
    <FieldFrame id={id} label={label} required={required} hint={hint} error={error}>
      <select
        id={id}
        name={id}
        className="rb-input"
        value={value}
        aria-required={required || undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        onChange={(e) => onChange(e.target.value)}
      >
        <option value="">请选择工作单位</option>
        {units.map((unit) => (
          <option key={unit.id} value={unit.id}>
            {unit.name}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}
