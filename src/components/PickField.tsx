import { Picker } from '@tarojs/components';
import { FieldFrame } from './FieldFrame';

export interface PickOption {
  value: string;
  label: string;
}

export interface PickFieldProps {
  id: string;
  label: string;
  /** `date` = YYYY-MM-DD, `time` = HH:mm (China time), `selector` = the value of one of `options`. */
  mode: 'date' | 'time' | 'selector';
  value: string;
  onChange: (value: string) => void;
  options?: readonly PickOption[];
  /** Said while nothing is chosen. */
  placeholder?: string;
  /** The first and last dates that may be chosen (YYYY-MM-DD). */
  start?: string;
  end?: string;
  hint?: string;
  error?: string | null;
  required?: boolean;
}

const CHOOSE = '点此选择';

/** Mini-program: WeChat's scroll picker for a date, a time or one of a list (the browser build uses native inputs). */
export function PickField(props: PickFieldProps) {
  const { id, label, mode, value, onChange, options = [], placeholder = CHOOSE, start, end } = props;
  const frame = { id, label, hint: props.hint, error: props.error, required: props.required };
  const shown = (text: string | undefined) => text || <span className="rb-muted">{placeholder}</span>;
  if (mode === 'selector') {
    const index = options.findIndex((option) => option.value === value);
    return (
      <FieldFrame {...frame}>
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
          <div className="rb-input rb-input--picker">{shown(options[index]?.label)}</div>
        </Picker>
      </FieldFrame>
    );
  }
  return (
    <FieldFrame {...frame}>
      <Picker
        id={id}
        mode={mode}
        value={value || (mode === 'date' ? (start ?? '') : '')}
        start={start}
        end={end}
        onChange={(e) => onChange(String(e.detail.value))}
      >
        <div className="rb-input rb-input--picker">{shown(value)}</div>
      </Picker>
    </FieldFrame>
  );
}
