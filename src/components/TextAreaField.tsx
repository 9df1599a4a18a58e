import { inputValue } from '../utils/input-value';
import { FieldFrame, describedBy } from './FieldFrame';

interface Props {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** Shown in the counter; the form's check says when the text is longer (it is never cut short). */
  maxChars: number;
  required?: boolean;
  placeholder?: string;
  error?: string | null;
}

/** A labelled multi-line field with a character count. */
export function TextAreaField({ id, label, value, onChange, maxChars, required, placeholder, error }: Props) {
  const handle = (e: unknown) => onChange(inputValue(e));
  const count = `已输入${[...value.trim()].length}个字，最多${maxChars}个字`;
  return (
    <FieldFrame id={id} label={label} required={required} hint={count} error={error}>
      <textarea
        id={id}
        name={id}
        className="rb-input rb-input--textarea"
        value={value}
        placeholder={placeholder}
        aria-required={required || undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, count, error)}
        // The mini-program textarea only fires `input`; the browser fires both (same value twice is harmless).
        onInput={handle}
        onChange={handle}
      />
    </FieldFrame>
  );
}
