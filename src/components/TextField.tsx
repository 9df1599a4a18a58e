import type { ReactNode } from 'react';
import { inputValue } from '../utils/inputValue';
import { FieldFrame, describedBy } from './FieldFrame';

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
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} extra={children}>
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
        aria-describedby={describedBy(id, hint, error)}
        onChange={(e) => onChange(inputValue(e))}
      />
    </FieldFrame>
  );
}
