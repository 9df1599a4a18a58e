/** Browser: scrolls the control into the middle of the screen and moves the keyboard focus to it. */
export function focusControl(id: string): void {
  const control = document.getElementById(id);
  if (!control) return;
  control.scrollIntoView({ block: 'center' });
  control.focus({ preventScroll: true });
}
