import type { ReactNode } from 'react';
import './FieldFrame.scss';

export interface FieldFrameProps {
  /** The control's id: the label points at it; the hint and error get `<id>-hint` / `<id>-error`. */
  id: string;
  label: string;
  /** Shows 必填 beside the label (the control itself carries aria-required). */
  required?: boolean;
  hint?: ReactNode;
  error?: string | null;
  /** The control itself. */
  children: ReactNode;
  /** Shown between the hint and the error (e.g. a preview). */
  extra?: ReactNode;
}

/** The ids a control lists in aria-describedby for its hint and error. */
export function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  return [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
}

/** The visible 必填 after a label; screen readers hear aria-required on the control instead. */
export function RequiredMark() {
  return (
    <span className="rb-field__required" aria-hidden="true">
      必填
    </span>
  );
}

/** A form field: a visible label tied to its control, with an optional hint and error under it. */
export function FieldFrame({ id, label, required, hint, error, children, extra }: FieldFrameProps) {
  return (
    <div className="rb-field">
      <label className="rb-field__label" htmlFor={id}>
        {label}
        {required ? <RequiredMark /> : null}
      </label>
      {children}
      {hint ? (
        <p id={`${id}-hint`} className="rb-field__hint">
          {hint}
        </p>
      ) : null}
      {extra}
      {error ? (
        <p id={`${id}-error`} className="rb-field__error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
