import { inputValue } from '../utils/inputValue';

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
  const countId = `${id}-count`;
  const errorId = error ? `${id}-error` : '';
  const handle = (e: unknown) => onChange(inputValue(e));
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <textarea
        id={id}
        name={id}
        className="input textarea"
        value={value}
        maxLength={maxLength}
        placeholder={placeholder}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${countId} ${errorId}`.trim()}
        // The mini-program textarea only fires `input`; the browser fires both (same value twice is harmless).
        onInput={handle}
        onChange={handle}
      />
      <p id={countId} className="field-hint">
        已输入 {[...value].length} / {maxLength} 字
      </p>
      {error ? (
        <p id={errorId} className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
