import { useState } from 'react';

/** What a form's check gives: the request to send, or none with the first message for each field. */
interface Checked<E, R> {
  errors: E;
  request: R | null;
}

/**
 * A form checked by its own function: fields are quiet until the first send, then each shows its message as it is
 * typed. `check()` is that first send: it returns the request, or null after saying there is something to fix.
 */
export function useCheckedForm<F extends object, E extends object, R>(
  initial: F | (() => F),
  validate: (form: F) => Checked<E, R>,
  onEdit?: () => void,
) {
  const [form, setForm] = useState<F>(initial);
  const [submitted, setSubmitted] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const errors: Partial<E> = submitted ? validate(form).errors : {};
  const set = <K extends keyof F>(key: K, value: F[K]) => {
    onEdit?.();
    setForm((prev) => ({ ...prev, [key]: value }));
  };
  const check = (): R | null => {
    setFormError(null);
    setSubmitted(true);
    const { request } = validate(form);
    if (!request) setFormError('有几项需要修改，请查看红字提示');
    return request;
  };
  return { form, setForm, set, errors, formError, setFormError, check };
}
