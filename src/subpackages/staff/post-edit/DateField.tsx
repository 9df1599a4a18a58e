import { Picker } from '@tarojs/components';
import { FieldFrame } from '../../../components/FieldFrame';

export interface DateFieldProps {
  id: string;
  label: string;
  /** `YYYY-MM-DD` (China time), or '' before one is picked. */
  value: string;
  /** The first day that may be picked, `YYYY-MM-DD`. */
  start: string;
  onChange: (day: string) => void;
  hint?: string;
  error?: string | null;
}

/** Mini-program: the native date picker (the browser build uses <input type="date">, see .h5.tsx). */
export function DateField({ id, label, value, start, onChange, hint, error }: DateFieldProps) {
  return (
    <FieldFrame id={id} label={label} required hint={hint} error={error}>
      <Picker
        id={id}
        mode="date"
        value={value || start}
        start={start}
        onChange={(e) => onChange(String(e.detail.value))}
      >
        <div className="rb-input rb-input--picker">
          {value ? value : <span className="rb-muted">点此选择日期</span>}
        </div>
      </Picker>
    </FieldFrame>
  );
}
