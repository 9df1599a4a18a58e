import type { ReactNode } from 'react';
import { inputValue } from '../utils/inputValue';

interface Props {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'tel';
  maxLength?: number;
  placeholder?: string;
  hint?: string;
  error?: string | null;
  autoComplete?: string;
  /** Shown under the hint, inside the field (e.g. a preview). */
  children?: ReactNode;
}

/** A visible label tied to its input (<label for>), with an optional hint and error under it. */
export function TextField(props: Props) {
  const {
    id,
    label,
    value,
    onChange,
    type = 'text',
    maxLength,
    placeholder,
    hint,
    error,
    autoComplete,
    children,
  } = props;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        name={id}
        className="input"
        type={type}
        inputMode={type === 'tel' ? 'numeric' : undefined}
        value={value}
        maxLength={maxLength}
        placeholder={placeholder}
        autoComplete={autoComplete}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(e) => onChange(inputValue(e))}
      />
      {hint ? (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      ) : null}
      {children}
      {error ? (
        <p id={errorId} className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
