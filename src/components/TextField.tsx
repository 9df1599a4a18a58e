import type { ReactNode } from 'react';
import { inputValue } from '../utils/input-value';
import { FieldFrame, describedBy } from './FieldFrame';

interface Props {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'tel';
  required?: boolean;
  placeholder?: string;
  hint?: string;
  error?: string | null;
  autoComplete?: string;
  /** Shown under the hint, inside the field (e.g. a preview). */
  children?: ReactNode;
}

/**
 * A visible label tied to its input (<label for>), with an optional hint and error under it. No maxlength: a value
 * that is too long is said so (by the form's check), never cut short while typing.
 */
export function TextField(props: Props) {
  const {
    id,
    label,
    value,
    onChange,
    type = 'text',
    required,
    placeholder,
    hint,
    error,
    autoComplete,
    children,
  } = props;
  return (
    <FieldFrame id={id} label={label} required={required} hint={hint} error={error} extra={children}>
      <input
        id={id}
        name={id}
        className="rb-input"
        type={type}
        inputMode={type === 'tel' ? 'tel' : undefined}
        value={value}
        placeholder={placeholder}
        autoComplete={autoComplete}
        aria-required={required || undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        onChange={(e) => onChange(inputValue(e))}
      />
    </FieldFrame>
  );
}
