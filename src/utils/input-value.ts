/**
 * The value of an input/textarea event on either platform: the mini-program puts it in `detail.value`,
 * the browser in `target.value`.
 */
export function inputValue(event: unknown): string {
  const e = event as { detail?: unknown; target?: { value?: unknown } | null };
  if (e.detail && typeof e.detail === 'object' && 'value' in e.detail) {
    return String((e.detail as { value: unknown }).value ?? '');
  }
  return String(e.target?.value ?? '');
}
