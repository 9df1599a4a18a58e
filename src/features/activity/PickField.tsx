import { Picker } from '@tarojs/components';
import { FieldFrame } from '../../components/FieldFrame';

export interface PickOption {
  value: string;
  label: string;
}

export interface PickFieldProps {
  id: string;
  label: string;
  /** `date` = YYYY-MM-DD, `time` = HH:mm, `selector` = one of `options`. */
  mode: 'date' | 'time' | 'selector';
  value: string;
  onChange: (value: string) => void;
  options?: PickOption[];
  hint?: string;
  required?: boolean;
}

/** Mini-program: WeChat's scroll picker for a date, a time or a choice (the browser build uses native inputs). */
export function PickField({ id, label, mode, value, onChange, options = [], hint, required }: PickFieldProps) {
  if (mode === 'selector') {
    const index = options.findIndex((option) => option.value === value);
    return (
      <FieldFrame id={id} label={label} hint={hint} required={required}>
        <Picker
          id={id}
          mode="selector"
          range={options.map((option) => option.label)}
          value={Math.max(index, 0)}
          onChange={(e) => {
            const option = options[Number(e.detail.value)];
            if (option) onChange(option.value);
          }}
        >
          <div className="rb-input rb-input--picker">{index >= 0 ? options[index].label : '点此选择'}</div>
        </Picker>
      </FieldFrame>
    );
  }
  return (
    <FieldFrame id={id} label={label} hint={hint} required={required}>
      <Picker id={id} mode={mode} value={value} onChange={(e) => onChange(String(e.detail.value))}>
        <div className="rb-input rb-input--picker">{value}</div>
      </Picker>
    </FieldFrame>
  );
}
