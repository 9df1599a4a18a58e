import { inputValue } from '../utils/inputValue';
import { FieldFrame, describedBy } from './FieldFrame';

interface Props {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  maxLength: number;
  placeholder?: string;
  error?: string | null;
}

/** A labelled multi-line field with a character count. */
export function TextAreaField({ id, label, value, onChange, maxLength, placeholder, error }: Props) {
  const handle = (e: unknown) => onChange(inputValue(e));
  const count = `已输入 ${[...value].length} / ${maxLength} 字`;
  return (
    <FieldFrame id={id} label={label} hint={count} error={error}>
      <textarea
        id={id}
        name={id}
        className="input textarea"
        value={value}
        maxLength={maxLength}
        placeholder={placeholder}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, count, error)}
        // The mini-program textarea only fires `input`; the browser fires both (same value twice is harmless).
        onInput={handle}
        onChange={handle}
      />
    </FieldFrame>
  );
}
