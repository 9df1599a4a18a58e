import { Picker } from '@tarojs/components';
import { FieldFrame } from '../../../components/FieldFrame';

export interface WhenFieldProps {
  id: string;
  label: string;
  /** `date`: YYYY-MM-DD; `time`: HH:mm. */
  mode: 'date' | 'time';
  value: string;
  onChange: (value: string) => void;
  /** The latest date that may be chosen (YYYY-MM-DD). */
  end?: string;
  placeholder: string;
  error?: string | null;
}

/** Mini-program: WeChat's date or time picker (the browser build uses <input type="date|time">). */
export function WhenField({ id, label, mode, value, onChange, end, placeholder, error }: WhenFieldProps) {
  return (
    <FieldFrame id={id} label={label} required error={error}>
      <Picker id={id} mode={mode} value={value} end={end} onChange={(e) => onChange(String(e.detail.value))}>
        <div className="rb-input rb-input--picker">{value || <span className="rb-muted">{placeholder}</span>}</div>
      </Picker>
    </FieldFrame>
  );
}
