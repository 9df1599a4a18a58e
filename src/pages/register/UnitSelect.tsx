import { Picker } from '@tarojs/components';
import type { UnitSummary } from '../../../types';
import { FieldFrame } from '../../components/FieldFrame';

export interface UnitSelectProps {
  id: string;
  label: string;
  units: UnitSummary[];
  value: string;
  onChange: (unitId: string) => void;
  required?: boolean;
  error?: string | null;
  hint?: string;
}

/** Mini-program: the native scroll picker (the browser build uses a <select>, see .h5.tsx). */
export function UnitSelect({ id, label, units, value, onChange, required, error, hint }: UnitSelectProps) {
  const index = units.findIndex((unit) => unit.id === value);
  const selected = index >= 0 ? units[index] : undefined;
  return (
    <FieldFrame id={id} label={label} required={required} hint={hint} error={error}>
      <Picker
        id={id}
        mode="selector"
        range={units.map((unit) => unit.name)}
        value={Math.max(index, 0)}
        onChange={(e) => {
          const unit = units[Number(e.detail.value)];
          if (unit) onChange(unit.id);
        }}
      >
        <div className="rb-input rb-input--picker">
          {selected ? selected.name : <span className="rb-muted">点此选择工作单位</span>}
        </div>
      </Picker>
    </FieldFrame>
  );
}
